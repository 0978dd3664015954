// The problems list (问题): every error and warning check and lint find in
// the data file, in Chinese, each a button that takes the clerk to its
// place (the part in the outline, the figure in the table, or the line of
// the YAML).

import { el, replaceChildren } from './dom.js';
import { noteFor } from './shell.js';

const SEVERITY = { error: '错误', warning: '警告' };

/** The problems pane; `onGo(line, column)` takes the clerk to a problem's place. */
export class Problems {
  constructor({ onGo }) {
    this.onGo = onGo;
    this.count = el('span', { class: 'problem-count' });
    this.list = el('ul', { class: 'problem-list' });
    this.element = el('section', { class: 'problems-pane', 'aria-label': '问题' },
      el('div', { class: 'pane-bar' }, el('h2', {}, '问题'), this.count),
      this.list);
    this.shown = '';
    this.errorCount = 0;
  }

  /** Shows `problems`; nothing is rebuilt when they are what is shown. */
  update(problems) {
    const key = JSON.stringify(problems);
    if (key === this.shown) {
      return;
    }
    this.shown = key;
    const errors = problems.filter((p) => p.severity === 'error').length;
    this.errorCount = errors;
    const warnings = problems.length - errors;
    replaceChildren(this.count, countBadges(errors, warnings));
    replaceChildren(this.list, problems.length
      ? errorsFirst(problems).map((problem) => this.item(problem))
      : el('li', { class: 'no-problems' }, '没有发现问题'));
  }

  item(problem) {
    const place = problem.line ? `第 ${problem.line} 行` : '';
    return el('li', {},
      el('button', {
        class: `problem ${problem.severity}`,
        type: 'button',
        disabled: !problem.line,
        onclick: () => this.onGo(problem.line, problem.column),
      },
      el('span', { class: `badge ${problem.severity}` }, SEVERITY[problem.severity] || problem.severity),
      el('span', { class: 'problem-message' }, problem.message),
      el('span', { class: 'problem-place' }, place),
      noteFor(problem) ? el('small', { class: 'note' }, noteFor(problem)) : null));
  }
}

/** The errors, then the warnings, each in the order of the file. */
function errorsFirst(problems) {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
}

function countBadges(errors, warnings) {
  if (errors === 0 && warnings === 0) {
    return el('span', { class: 'badge ok' }, '没有问题');
  }
  return [
    errors ? el('span', { class: 'badge error' }, `${errors} 个错误`) : null,
    warnings ? el('span', { class: 'badge warning' }, `${warnings} 个警告`) : null,
  ];
}

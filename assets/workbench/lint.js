// The findings of 检查一份文件: the uploaded report's text, line by line,
// each finding under the line it is on with the character it points at
// marked. The result is handed over by the home page; after a reload of
// the page there is none and the home page shows instead.

import { el } from './dom.js';
import { markLoaded, noteFor, takeNote } from './shell.js';

/** The note the home page leaves with the lint answer. */
export const LINT_NOTE = '#/lint';

const SEVERITY = { error: '错误', warning: '警告' };

/** Shows the findings in `root`; resolves to the view. */
export async function showLint(root) {
  const result = takeNote(LINT_NOTE);
  if (!result) {
    location.hash = '#/';
    return { leave() {} };
  }
  const byLine = groupByLine(result.problems);
  const unplaced = byLine.get(null) || [];
  root.append(
    el('section', { class: 'card lint-view', 'aria-labelledby': 'lint-view-title' },
      el('div', { class: 'view-bar' },
        el('a', { class: 'btn', href: '#/' }, '← 首页'),
        el('h1', { id: 'lint-view-title' }, `检查结果：${result.file}`),
        el('span', { class: result.problems.length ? 'badge warning' : 'badge ok' },
          result.problems.length ? `${result.problems.length} 处` : '没有发现问题')),
      unplaced.length ? el('ul', { class: 'findings' }, unplaced.map(finding)) : null,
      el('ol', { class: 'lint-text' },
        result.text.split('\n').map((line, index) => textLine(line, byLine.get(index + 1) || [])))));
  markLoaded();
  return { leave() {} };
}

function groupByLine(problems) {
  const byLine = new Map();
  for (const problem of problems) {
    const line = problem.line ?? null;
    byLine.set(line, [...(byLine.get(line) || []), problem]);
  }
  return byLine;
}

function textLine(line, problems) {
  const worst = problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
  return el('li', { class: problems.length ? `lint-line has-${worst}` : 'lint-line' },
    el('div', { class: 'lint-line-text' }, marked(line, problems)),
    problems.length ? el('ul', { class: 'findings' }, problems.map(finding)) : null);
}

/** The line with the character each finding points at marked. */
function marked(line, problems) {
  const characters = Array.from(line);
  const at = new Map(problems.filter((p) => p.column).map((p) => [p.column - 1, p]));
  const parts = [];
  let plain = '';
  characters.forEach((character, index) => {
    const problem = at.get(index);
    if (!problem) {
      plain += character;
      return;
    }
    parts.push(plain, el('mark', { class: problem.severity, title: problem.message }, character));
    plain = '';
  });
  parts.push(plain);
  return parts;
}

function finding(problem) {
  return el('li', { class: `finding ${problem.severity}` },
    el('span', { class: `badge ${problem.severity}` }, SEVERITY[problem.severity] || problem.severity),
    ' ', problem.message,
    problem.column ? el('span', { class: 'muted' }, ` 第${problem.column}个字`) : null,
    noteFor(problem) ? el('small', { class: 'note' }, noteFor(problem)) : null,
    problem.code ? el('small', { class: 'code' }, problem.code) : null);
}

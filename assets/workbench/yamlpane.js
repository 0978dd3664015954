// The YAML tab (advanced): the whole data file as text, with line numbers
// and a mark beside each line that has a problem (its message as the
// mark's title). Lines never wrap, so line N of the file is row N here.

import { el } from './dom.js';

/** The YAML pane; `onInput(text)` is called as the clerk types. */
export class YamlPane {
  constructor({ onInput }) {
    this.gutter = el('div', { class: 'yaml-gutter', 'aria-hidden': 'true' });
    this.textarea = el('textarea', {
      class: 'yaml-text',
      spellcheck: 'false',
      wrap: 'off',
      autocomplete: 'off',
      'aria-label': '数据文件的全文（YAML）',
      oninput: () => {
        this.syncLines();
        onInput(this.textarea.value);
      },
      onscroll: () => { this.gutter.scrollTop = this.textarea.scrollTop; },
    });
    this.element = el('div', { class: 'yaml-pane' },
      el('p', { class: 'hint' }, '数据文件的全文。这里的改动和“结构”“数据”中的改动是同一份文件；有错误的行在左边标出。'),
      el('div', { class: 'yaml-editor' }, this.gutter, this.textarea));
    this.lineCount = 0;
    this.marks = new Map();
  }

  /** Shows `text`, unless it is what the clerk is typing. */
  setText(text) {
    if (this.textarea.value === text) {
      return;
    }
    const { selectionStart, selectionEnd, scrollTop } = this.textarea;
    this.textarea.value = text;
    this.textarea.setSelectionRange(selectionStart, selectionEnd);
    this.textarea.scrollTop = scrollTop;
    this.syncLines();
  }

  /** Marks each line that has a problem. */
  markProblems(problems) {
    this.marks = new Map();
    for (const problem of problems) {
      if (!problem.line) {
        continue;
      }
      const mark = this.marks.get(problem.line) || { severity: 'warning', messages: [] };
      mark.messages.push(problem.message);
      if (problem.severity === 'error') {
        mark.severity = 'error';
      }
      this.marks.set(problem.line, mark);
    }
    this.paintMarks();
  }

  /** Puts the cursor on `line` (1-based), at `column` if given, scrolls to it and marks its number. */
  goToLine(line, column = 1) {
    const lines = this.textarea.value.split('\n');
    const index = Math.min(Math.max(line, 1), lines.length) - 1;
    const start = lines.slice(0, index).reduce((sum, text) => sum + text.length + 1, 0);
    const at = start + Math.min(Array.from(lines[index]).slice(0, column - 1).join('').length, lines[index].length);
    this.textarea.focus();
    this.textarea.setSelectionRange(at, at);
    const rowHeight = this.gutter.firstChild ? this.gutter.firstChild.offsetHeight : 20;
    this.textarea.scrollTop = Math.max(0, (index - 5) * rowHeight);
    this.gutter.querySelector('.ln.current')?.classList.remove('current');
    this.gutter.children[index]?.classList.add('current');
  }

  syncLines() {
    const count = this.textarea.value.split('\n').length;
    if (count === this.lineCount) {
      return;
    }
    while (this.gutter.children.length < count) {
      this.gutter.append(el('div', { class: 'ln' }, String(this.gutter.children.length + 1)));
    }
    while (this.gutter.children.length > count) {
      this.gutter.lastChild.remove();
    }
    this.lineCount = count;
    this.paintMarks();
  }

  paintMarks() {
    [...this.gutter.children].forEach((number, index) => {
      const mark = this.marks.get(index + 1);
      number.classList.toggle('error', mark?.severity === 'error');
      number.classList.toggle('warning', mark?.severity === 'warning');
      number.title = mark ? mark.messages.join('\n') : '';
    });
  }
}

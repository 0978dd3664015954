// The figures tab (数据): a table of every figure of the report, its value,
// unit, last year's value, target and the figure it is part of editable in
// place; what zongjie computes from them (占比, 完成率, 同比, 增减); where the
// report cites each one (a click goes there); unfilled figures highlighted;
// figures added and removed.

import { el, replaceChildren } from './dom.js';
import { Fields } from './fields.js';

const EDITABLE = [
  { field: 'value', label: '值', placeholder: '待填' },
  { field: 'unit', label: '单位', placeholder: '' },
  { field: 'last_year', label: '上年', placeholder: '' },
  { field: 'target', label: '目标', placeholder: '' },
];
/** The most lines a figure's entry takes: its name, then 值, 单位, 目标, 上年, 属于. */
const LONGEST_ENTRY = 6;
const COMPUTED = [
  { field: 'share', label: '占比' },
  { field: 'completion', label: '完成率' },
  { field: 'year_over_year', label: '同比' },
  { field: 'change', label: '增减' },
];

/**
 * The figures pane. `edit(change, start)` makes an edit, `goTo(line)`
 * shows a citing text, `placeOf(line)` names where a line is ({short: 一（二）, label}).
 */
export class FiguresPane {
  constructor({ edit, goTo, placeOf }) {
    this.edit = edit;
    this.goTo = goTo;
    this.placeOf = placeOf;
    this.fields = new Fields(edit);
    this.body = el('tbody');
    this.names = '';
    this.fieldset = el('fieldset', { class: 'locker' },
      el('p', { class: 'hint' }, '改动数字后，报告中引用它的地方和算出的比率随之更新。没有填的数据标成黄色。'),
      el('div', { class: 'table-scroll' },
        el('table', { class: 'table figures' },
          el('thead', {}, el('tr', {},
            el('th', { scope: 'col' }, '名称'),
            EDITABLE.map((c) => el('th', { scope: 'col' }, c.label)),
            el('th', { scope: 'col' }, '属于'),
            COMPUTED.map((c) => el('th', { scope: 'col', class: 'computed' }, c.label)),
            el('th', { scope: 'col' }, '引用处'))),
          this.body)),
      this.addForm());
    this.element = el('div', { class: 'figures-pane' }, this.fieldset);
  }

  /** Shows `figures`; rows are rebuilt only when the figures themselves change. */
  update(figures) {
    const names = figures.map((f) => f.name).join('\n');
    if (names !== this.names) {
      this.rebuild(figures);
      this.names = names;
    } else {
      figures.forEach((figure, index) => this.patchRow(this.body.children[index], figure));
    }
  }

  /** Makes the table read-only (the file has an error) or editable. */
  setLocked(locked) {
    this.fieldset.disabled = locked;
  }

  /** The row of the figure whose entry in the data file has `line`, if any. */
  rowAt(line) {
    const rows = [...this.body.children].filter((row) => row.dataset.line);
    const index = rows.findIndex((row, at) => {
      const start = Number(row.dataset.line);
      const next = rows[at + 1] ? Number(rows[at + 1].dataset.line) : start + LONGEST_ENTRY;
      return line >= start && line < next;
    });
    return rows[index] || null;
  }

  /** Scrolls to the figure at `line`, puts the cursor in its value and flashes it. */
  reveal(line) {
    const row = this.rowAt(line);
    if (row) {
      row.scrollIntoView({ block: 'center' });
      row.querySelector('input')?.focus({ preventScroll: true });
      flash(row);
    }
  }

  rebuild(figures) {
    const focus = this.fields.focusState();
    this.fields.reset();
    const names = figures.map((f) => f.name);
    replaceChildren(this.body, figures.map((figure) => this.row(figure, names)));
    this.fields.restoreFocus(focus);
  }

  row(figure, names) {
    const row = el('tr', { data: { name: figure.name, line: String(figure.line || '') } },
      el('th', { scope: 'row', class: 'figure-name' }, figure.name, el('button', {
        class: 'btn icon danger remove',
        type: 'button',
        title: `删除“${figure.name}”`,
        'aria-label': `删除数据“${figure.name}”`,
        onclick: () => this.remove(figure),
      }, '×')),
      EDITABLE.map((column) => el('td', {}, this.input(figure, column))),
      el('td', {}, this.partOf(figure, names)),
      COMPUTED.map((column) => el('td', { class: `computed ${column.field}` })),
      el('td', { class: 'cited' }));
    this.patchRow(row, figure);
    return row;
  }

  input(figure, column) {
    const input = el('input', {
      class: `cell ${column.field}`,
      value: figure[column.field],
      placeholder: column.placeholder,
      'aria-label': `${figure.name}的${column.label}`,
      onkeydown: (event) => this.moveOnEnter(event, column.field),
    });
    return this.fields.bind(input, `figure:${figure.name}:${column.field}`, (value) => ({
      op: 'set_figure', name: figure.name, field: column.field, value: value.trim(),
    }));
  }

  partOf(figure, names) {
    const select = el('select', { class: 'cell part_of', 'aria-label': `${figure.name}属于哪一项` },
      el('option', { value: '' }, '—'),
      names.filter((name) => name !== figure.name).map((name) => el('option', { value: name }, name)));
    select.value = figure.part_of;
    return this.fields.bind(select, `figure:${figure.name}:part_of`, (value) => ({
      op: 'set_figure', name: figure.name, field: 'part_of', value,
    }));
  }

  patchRow(row, figure) {
    row.classList.toggle('unfilled', figure.unfilled);
    row.dataset.line = String(figure.line || '');
    for (const column of [...EDITABLE, { field: 'part_of' }]) {
      this.fields.patch(`figure:${figure.name}:${column.field}`, figure[column.field]);
    }
    for (const column of COMPUTED) {
      const cell = row.querySelector(`.computed.${column.field}`);
      const value = figure[column.field] || '';
      cell.textContent = column.field === 'year_over_year' ? value.replace(/^同比/, '') : value;
    }
    const cited = row.querySelector('.cited');
    const key = figure.cited_at.join(',');
    if (cited.dataset.lines !== key) {
      cited.dataset.lines = key;
      replaceChildren(cited, this.citedButtons(figure));
    }
  }

  citedButtons(figure) {
    if (figure.cited_at.length === 0) {
      return el('span', { class: 'muted' }, '未引用');
    }
    return figure.cited_at.map((line) => {
      const place = this.placeOf(line);
      return el('button', {
        class: 'btn link',
        type: 'button',
        title: `到报告中引用“${figure.name}”的地方：${place.label || `数据文件第 ${line} 行`}`,
        onclick: () => this.goTo(line),
      }, place.short);
    });
  }

  /** Enter sends the value and moves down the column, as in a spreadsheet. */
  moveOnEnter(event, field) {
    if (event.key !== 'Enter') {
      return;
    }
    event.preventDefault();
    const row = event.target.closest('tr');
    event.target.dispatchEvent(new Event('change'));
    row.nextElementSibling?.querySelector(`.cell.${field}`)?.focus();
  }

  remove(figure) {
    const cited = figure.cited_at.length
      ? `报告中有 ${figure.cited_at.length} 处引用了它，删除后那里会报错。` : '';
    if (confirm(`删除数据“${figure.name}”？${cited}`)) {
      this.fields.reset();
      this.edit({ op: 'remove_figure', name: figure.name }, performance.now());
    }
  }

  addForm() {
    const name = el('input', { id: 'new-figure-name', placeholder: '例如：调解案件' });
    const value = el('input', { id: 'new-figure-value', placeholder: '例如：1899件' });
    const add = (event) => {
      event.preventDefault();
      if (!name.value.trim()) {
        name.focus();
        return;
      }
      this.edit({ op: 'add_figure', name: name.value.trim(), value: value.value.trim() }, performance.now());
      name.value = '';
      value.value = '';
      name.focus();
    };
    return el('form', { class: 'add-figure', onsubmit: add },
      el('label', { for: 'new-figure-name' }, '新的数据'), name,
      el('label', { for: 'new-figure-value' }, '值和单位'), value,
      el('button', { class: 'btn', type: 'submit' }, '添加'),
      el('span', { class: 'hint' }, '在正文中写 {名称} 引用它'));
  }
}

/** Draws the eye to `element` for a moment. */
export function flash(element) {
  element.classList.remove('flash');
  void element.offsetWidth;
  element.classList.add('flash');
}

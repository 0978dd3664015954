// The preview (预览): the report's pages as A4 sheets, as the .docx prints
// them. The server has already broken the lines and pages; each row here
// is one printed line, so this only puts the sheets on screen, applies the
// rows' indents (the Content-Security-Policy forbids inline styles, so
// they come as data attributes), scales the sheets to the pane, marks the
// preview stale while the file has an error, and tells which data file
// line a clicked paragraph comes from.

import { el } from './dom.js';

const STALE = '有错误，预览停在上次正确的版本。改正“问题”中的错误后，预览会自动更新。';
const NOT_YET = '还不能预览：文件中还有错误。改正“问题”中的错误后，预览就会出现。（还没有填写的数据不妨碍预览，在页面上标黄显示为“〔待填：名称〕”。）';

/** An A4 sheet's width in CSS pixels (210 mm at 96 px an inch). */
const SHEET_WIDTH = (210 / 25.4) * 96;
/** Room left and right of the sheets, in pixels. */
const GUTTER = 48;

/** The preview pane; `onPick(line)` is called when a paragraph is clicked. */
export class Preview {
  constructor({ onPick }) {
    this.onPick = onPick;
    this.count = el('span', { class: 'page-count' });
    this.banner = el('div', { class: 'stale-banner', role: 'status', hidden: true });
    this.painted = false;
    this.sheets = el('div', { class: 'sheets', onclick: (event) => this.picked(event) });
    this.scroller = el('div', { class: 'preview-scroll', tabindex: 0, 'aria-label': '预览，可滚动' },
      this.sheets);
    this.element = el('section', { class: 'preview-pane', 'aria-label': '预览' },
      el('div', { class: 'pane-bar' }, el('h2', {}, '预览'), el('small', {}, '按 .docx 打印的样子，A4'), this.count),
      this.banner,
      this.scroller);
    new ResizeObserver(() => this.fit()).observe(this.scroller);
  }

  /** Replaces the sheets with `pages` (HTML of each page, from the server). */
  paint(pages) {
    this.sheets.innerHTML = pages.map((page) => `<div class="frame">${page}</div>`).join('');
    for (const row of this.sheets.querySelectorAll('.row[data-indent]')) {
      applyIndents(row);
    }
    this.count.textContent = `共 ${pages.length} 页`;
    this.highlighted = [];
    this.painted = true;
  }

  /** Marks the preview as out of date (the file has an error) or current. */
  setStale(stale) {
    this.banner.hidden = !stale;
    this.banner.textContent = this.painted ? STALE : NOT_YET;
    this.element.classList.toggle('stale', stale);
    if (stale && !this.painted) {
      this.sheets.replaceChildren(el('p', { class: 'no-preview' }, '还没有预览'));
    }
  }

  /** Highlights the rows that come from the data file `lines` and scrolls to the first. */
  highlightLines(lines, { scroll = true } = {}) {
    for (const row of this.highlighted || []) {
      row.classList.remove('picked');
    }
    const wanted = new Set(lines.map(String));
    this.highlighted = [...this.sheets.querySelectorAll('.row[data-line]')]
      .filter((row) => wanted.has(row.dataset.line));
    for (const row of this.highlighted) {
      row.classList.add('picked');
    }
    if (scroll && this.highlighted.length && !isVisible(this.highlighted[0], this.scroller)) {
      this.highlighted[0].scrollIntoView({ block: 'center' });
    }
  }

  /** The title as the first page prints it, its lines joined; empty before any preview. */
  title() {
    const first = this.sheets.querySelector('.row.title');
    if (!first) {
      return '';
    }
    const rows = this.sheets.querySelectorAll(`.row[data-block="${first.dataset.block}"]`);
    return [...rows].map((row) => row.textContent).join('');
  }

  picked(event) {
    const row = event.target.closest('.row[data-line]');
    if (row) {
      this.onPick(Number(row.dataset.line));
    }
  }

  fit() {
    const width = this.scroller.clientWidth - GUTTER;
    const scale = Math.max(0.3, Math.min(1.25, width / SHEET_WIDTH));
    this.sheets.style.setProperty('--scale', scale.toFixed(4));
  }
}

function applyIndents(row) {
  const { indent, right } = row.dataset;
  if (indent && indent !== '0') {
    row.style.paddingLeft = `${indent}pt`;
  }
  if (right && right !== '0') {
    row.style.paddingRight = `${right}pt`;
  }
}

function isVisible(element, scroller) {
  const box = element.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return box.top >= view.top && box.bottom <= view.bottom;
}

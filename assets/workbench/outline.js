// The outline tab (结构): the report's top texts (标题, 主送机关, 署名, 开头),
// then every section and part as a tree numbered as the report numbers
// them (一、（一）1.（1）). Each text is a plain field; parts are added,
// deleted and moved up or down, and the numbers follow at once because
// every change re-renders. Citations of figures ({名称}) show as chips with
// the value the report prints. The tree is rebuilt only when its shape
// changes; otherwise numbers, texts and chips are patched in place.

import { append, el, replaceChildren } from './dom.js';
import { Fields } from './fields.js';
import { flash } from './figures.js';

const DEEPEST_LEVEL = 4;
const NEW_HEADING = '新的一项';
const DIGITS = '〇一二三四五六七八九';

/**
 * The outline pane. `edit(change, start)` makes an edit (resolving once
 * the new render is on screen); `onFocusPart(lines)` is told which data
 * file lines the clerk is working on.
 */
export class OutlinePane {
  constructor({ edit, onFocusPart }) {
    this.edit = edit;
    this.onFocusPart = onFocusPart;
    this.fields = new Fields(edit);
    this.tree = el('div', { class: 'outline-tree' });
    this.fieldset = el('fieldset', { class: 'locker' }, this.tree);
    this.element = el('div', { class: 'outline-pane', onfocusin: (event) => this.focused(event) },
      this.fieldset);
    this.shape = '';
    this.focusAfter = null;
  }

  /** Shows `outline`; rebuilt when its shape changed, patched otherwise. */
  update(outline) {
    const shape = shapeOf(outline);
    if (shape !== this.shape) {
      this.rebuild(outline);
      this.shape = shape;
    } else {
      this.patch(outline);
    }
  }

  /** Makes the outline read-only (the file has an error) or editable. */
  setLocked(locked) {
    this.fieldset.disabled = locked;
  }

  /** The place of data file `line` in the outline: its element, its number (一（二）) and its name. */
  placeOf(line) {
    const element = this.tree.querySelector(`[data-lines~="${line}"]`);
    return element ? { element, short: shortName(element), label: element.dataset.label } : null;
  }

  /** Scrolls to the place of `line`, puts the cursor in its first field and flashes it. */
  reveal(line) {
    const place = this.placeOf(line);
    if (place) {
      place.element.scrollIntoView({ block: 'center' });
      place.element.querySelector('input, textarea')?.focus({ preventScroll: true });
      flash(place.element);
    }
  }

  rebuild(outline) {
    const focus = this.fields.focusState();
    this.fields.reset();
    replaceChildren(this.tree,
      this.topTexts(outline.top),
      outline.sections.map((section) => this.section(section)));
    if (this.focusAfter) {
      this.focusControl(this.focusAfter);
      this.focusAfter = null;
    } else {
      this.fields.restoreFocus(focus);
    }
  }

  /** Patches texts, numbers and the data file lines (a paragraph added moves those below it). */
  patch(outline) {
    for (const top of outline.top) {
      this.fields.patch(`top:${top.field}`, top.value);
      this.fields.input(`top:${top.field}`).closest('.ol-top-field').dataset.lines = top.line ? String(top.line) : '';
    }
    for (const section of outline.sections) {
      this.fields.patch(`section:${section.role}:heading`, section.heading);
      this.patchOptional(`section:${section.role}:intro`, section.intro);
      const element = this.tree.querySelector(`[data-role="${section.role}"]`);
      element.dataset.lines = section.lines.join(' ');
      element.querySelector(':scope > .ol-section-head > .num').textContent = section.number || '';
      eachPart(section.parts, (part) => this.patchPart(section.role, part));
    }
  }

  patchPart(role, part) {
    const key = partKey(role, part.path);
    this.fields.patch(`${key}:heading`, part.heading);
    this.patchOptional(`${key}:text`, part.text);
    const item = this.tree.querySelector(`[data-key-part="${key}"]`);
    if (!item) {
      return;
    }
    item.querySelector(':scope > .ol-part-head > .num').textContent = part.number;
    for (const tool of item.querySelectorAll(':scope > .ol-part-head > .tools > button')) {
      tool.setAttribute('aria-label', `${tool.title}：${partName(part)}`);
    }
    item.dataset.lines = part.lines.join(' ');
    item.dataset.label = partLabel(part);
    this.patchPoints(role, part, item.querySelector(':scope > .ol-part-body > .ol-points'));
    replaceChildren(item.querySelector(':scope > .ol-part-body > .chips'), chips(part.cites));
  }

  /** Patches a text that may be folded away behind its button; shown once it has text. */
  patchOptional(key, value) {
    this.fields.patch(key, value);
    const wrapper = this.fields.input(key)?.closest('.ol-text');
    if (wrapper && wrapper.hidden && value) {
      wrapper.hidden = false;
      wrapper.previousElementSibling?.remove();
    }
  }

  /** Patches the points' texts; when their number changed, builds them again (unless the clerk is in them). */
  patchPoints(role, part, block) {
    const list = block.querySelector('.points');
    if (list.children.length === part.points.length) {
      part.points.forEach((point, index) => this.fields.patch(`${partKey(role, part.path)}:point:${index}`, point.text));
    } else if (!block.contains(document.activeElement)) {
      block.replaceWith(this.points(role, part, part.points));
    }
  }

  // ----- building -----

  topTexts(top) {
    return el('section', { class: 'ol-top', 'aria-label': '标题和开头' },
      el('h3', {}, '标题和开头'),
      top.map((text) => {
        const multiline = text.field === 'opening';
        const input = el(multiline ? 'textarea' : 'input', {
          id: `top-${text.field}`,
          class: multiline ? 'text' : 'line',
          value: text.value,
          placeholder: text.placeholder ? `空着时写作：${text.placeholder}` : '（空着则不写）',
          rows: multiline ? rowsFor(text.value) : null,
        });
        this.fields.bind(input, `top:${text.field}`, (value) => ({ op: 'set_top', field: text.field, value }));
        return el('div', {
          class: 'ol-top-field',
          data: { lines: text.line ? String(text.line) : '', label: text.label },
        }, el('label', { for: input.id }, text.label), input);
      }));
  }

  section(section) {
    return el('section', {
      class: section.present ? 'ol-section' : 'ol-section absent',
      title: `数据文件中的“${section.label}”`,
      data: { role: section.role, lines: section.lines.join(' '), label: `${section.label}·引言` },
    },
    el('div', { class: 'ol-section-head' },
      el('span', { class: 'num' }, section.number || ''),
      section.thematic
        ? el('span', { class: 'thematic' }, `“${section.label}”的各项各成一章（一、二、三……）`)
        : this.sectionHeading(section)),
    section.present ? null : el('p', { class: 'hint' }, '这一章还没有写，报告中不出现。添加一项就会写进报告。'),
    this.optionalText(section.intro, '引言', `section:${section.role}:intro`,
      (value) => ({ op: 'set_section', role: section.role, field: 'intro', value })),
    this.parts(section.role, section.parts, [], section.thematic ? 1 : 2));
  }

  /** The heading of a section that is one 一、 of the report; empty, the standard one is printed. */
  sectionHeading(section) {
    const heading = el('input', {
      class: 'line section-heading',
      value: section.heading,
      placeholder: section.standard_heading,
      'aria-label': `“${section.label}”一章的标题（空着时写作：${section.standard_heading}）`,
    });
    return this.fields.bind(heading, `section:${section.role}:heading`, (value) => ({
      op: 'set_section', role: section.role, field: 'heading', value,
    }));
  }

  /** A text field, or a button that shows an empty one when there is no text yet. */
  optionalText(value, label, key, toEdit) {
    const textarea = el('textarea', { class: 'text', value, rows: rowsFor(value), 'aria-label': label });
    this.fields.bind(textarea, key, toEdit);
    const wrapper = el('label', { class: 'ol-text' }, el('span', {}, label, el('small', {}, '每段一行')), textarea);
    if (value) {
      return wrapper;
    }
    wrapper.hidden = true;
    const show = el('button', {
      class: 'btn link small',
      type: 'button',
      onclick: () => {
        wrapper.hidden = false;
        show.remove();
        textarea.focus();
      },
    }, `＋ ${label}`);
    return [show, wrapper];
  }

  parts(role, parts, parentPath, level) {
    const list = el('ol', { class: 'ol-parts' },
      parts.map((part, index) => this.part(role, part, level, index, parts.length)));
    if (parentPath.length) {
      return list;
    }
    return el('div', { class: 'ol-parts-wrap' }, list, el('button', {
      class: 'btn small add-part',
      type: 'button',
      data: { focusKey: `add:${role}:` },
      onclick: () => this.addPart(role, [], parts.length),
    }, '＋ 添加一项'));
  }

  part(role, part, level, index, siblings) {
    const key = partKey(role, part.path);
    const heading = el('input', {
      class: 'line part-heading',
      value: part.heading,
      placeholder: '标题',
      'aria-label': `${part.number || ''}${part.heading ? '' : '（没有标题）'}的标题`,
    });
    this.fields.bind(heading, `${key}:heading`, (value) => ({
      op: 'set_part', role, path: part.path, field: 'heading', value,
    }));
    return el('li', {
      class: 'ol-part',
      data: { keyPart: key, lines: part.lines.join(' '), label: partLabel(part) },
    },
    el('div', { class: 'ol-part-head' },
      el('span', { class: 'num' }, part.number),
      heading,
      this.tools(role, part, level, index, siblings)),
    el('div', { class: 'ol-part-body' },
      this.optionalText(part.text, '正文', `${key}:text`,
        (value) => ({ op: 'set_part', role, path: part.path, field: 'text', value })),
      this.points(role, part, part.points),
      el('div', { class: 'chips' }, chips(part.cites)),
      part.parts.length ? this.parts(role, part.parts, part.path, level + 1) : null));
  }

  tools(role, part, level, index, siblings) {
    const name = partName(part);
    const tool = (label, title, control, action, disabled = false) => el('button', {
      class: 'btn icon',
      type: 'button',
      title,
      'aria-label': `${title}：${name}`,
      disabled,
      data: { focusKey: `${control}:${role}:${part.path.join('.')}` },
      onclick: action,
    }, label);
    return el('div', { class: 'tools' },
      tool('↑', '上移', 'up', () => this.move(role, part.path, -1), index === 0),
      tool('↓', '下移', 'down', () => this.move(role, part.path, 1), index === siblings - 1),
      level < DEEPEST_LEVEL
        ? tool('＋', '添加下一级', 'sub', () => this.addPart(role, part.path, part.parts.length))
        : null,
      tool('删除', '删除', 'delete', () => this.remove(role, part)));
  }

  /** The points of `part` (一是…二是…), each a text field; `points` as they are now. */
  points(role, part, points) {
    const key = partKey(role, part.path);
    this.fields.unbind(`${key}:point:`);
    const list = el('ol', { class: 'points' });
    const toEdit = () => ({ op: 'set_points', role, path: part.path, points: readPoints(list) });
    const block = el('div', { class: 'ol-points' });
    const removePoint = (index) => {
      const left = readPoints(list).filter((_, at) => at !== index);
      block.replaceWith(this.points(role, part, left));
      this.edit({ op: 'set_points', role, path: part.path, points: left }, performance.now());
    };
    const addPoint = (point, index) => {
      const text = el('textarea', {
        class: 'text point-text',
        value: point.text,
        rows: rowsFor(point.text),
        'aria-label': `${part.number || ''}的第${index + 1}个要点（${ordinal(index)}）`,
      });
      this.fields.bind(text, `${key}:point:${index}`, toEdit);
      list.append(el('li', { class: 'point', data: { heading: point.heading } },
        el('span', { class: 'point-number' }, ordinal(index)),
        text,
        el('button', {
          class: 'btn icon',
          type: 'button',
          title: '删除这个要点',
          'aria-label': `删除${ordinal(index)}这个要点`,
          onclick: () => removePoint(index),
        }, '×')));
      return text;
    };
    points.forEach(addPoint);
    const add = el('button', {
      class: 'btn link small',
      type: 'button',
      onclick: () => addPoint({ heading: '', text: '' }, list.children.length).focus(),
    }, points.length ? '＋ 要点' : '＋ 要点（一是……二是……）');
    return append(block, [points.length ? el('span', { class: 'sub' }, '要点') : null, list, add]);
  }

  // ----- structural edits -----

  async move(role, path, delta) {
    const moved = [...path.slice(0, -1), path[path.length - 1] + delta];
    this.focusAfter = `${delta < 0 ? 'up' : 'down'}:${role}:${moved.join('.')}`;
    await this.structural({ op: 'move_part', role, path, delta });
  }

  async addPart(role, parentPath, index) {
    this.focusAfter = `heading:${partKey(role, [...parentPath, index])}`;
    await this.structural({ op: 'add_part', role, path: parentPath, index, heading: NEW_HEADING });
  }

  async remove(role, part) {
    const key = partKey(role, part.path);
    const number = this.tree.querySelector(`[data-key-part="${key}"] > .ol-part-head > .num`).textContent;
    const name = `${number}${this.fields.input(`${key}:heading`).value.trim()}`;
    if (!confirm(`删除“${name || '这一项'}”和它下面的全部内容？`)) {
      return;
    }
    this.focusAfter = `add:${role}:`;
    await this.structural({ op: 'delete_part', role, path: part.path });
  }

  async structural(change) {
    this.fields.flush();
    this.shape = '';
    await this.edit(change, performance.now());
  }

  /** Focuses a tool button or field by its key after a rebuild; a new heading is selected. */
  focusControl(key) {
    if (key.startsWith('heading:')) {
      const input = this.fields.input(`${key.slice('heading:'.length)}:heading`);
      input?.focus();
      input?.select();
      input?.scrollIntoView({ block: 'center' });
      return;
    }
    let control = this.tree.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
    if (control?.disabled) {
      const other = key.startsWith('up:') ? key.replace('up:', 'down:') : key.replace('down:', 'up:');
      control = this.tree.querySelector(`[data-focus-key="${CSS.escape(other)}"]`);
    }
    control?.focus();
  }

  focused(event) {
    const place = event.target.closest('[data-lines]');
    if (place && place.dataset.lines) {
      this.onFocusPart(place.dataset.lines.split(' ').map(Number));
    }
  }
}

function partKey(role, path) {
  return `part:${role}:${path.join('.')}`;
}

/** A place's number as the report numbers it, with its section's: 一（二）, or its name (开头). */
function shortName(element) {
  if (!element.matches('.ol-part')) {
    return element.dataset.label;
  }
  const numbers = [];
  for (let part = element; part; part = part.parentElement.closest('.ol-part')) {
    numbers.unshift(part.querySelector(':scope > .ol-part-head > .num').textContent);
  }
  const section = element.closest('.ol-section').querySelector(':scope > .ol-section-head > .num').textContent;
  return section + numbers.join('') || element.dataset.label;
}

/** How a screen reader names a part's tools: its number, or its heading when it has none yet. */
function partName(part) {
  return part.number || part.heading || '这一项';
}

function partLabel(part) {
  const heading = part.heading.length > 10 ? `${part.heading.slice(0, 10)}…` : part.heading;
  return `${part.number}${heading}`;
}

function eachPart(parts, visit) {
  for (const part of parts) {
    visit(part);
    eachPart(part.parts, visit);
  }
}

/** What decides the tree's elements: the sections and their parts. */
function shapeOf(outline) {
  const parts = (list) => list.map((p) => parts(p.parts));
  return JSON.stringify([
    outline.top.map((t) => t.field),
    outline.sections.map((s) => [s.role, s.present, s.thematic, parts(s.parts)]),
  ]);
}

function readPoints(list) {
  return [...list.children].map((item) => ({
    heading: item.dataset.heading || '',
    text: item.querySelector('textarea').value,
  }));
}

function chips(cites) {
  return cites.map((cite) => el('span', {
    class: cite.problem ? 'chip bad' : 'chip',
    title: cite.problem || `报告中写作“${cite.value}”`,
  },
  el('span', { class: 'chip-name' }, cite.marker.replace(/^[{｛]|[}｝]$/g, '')),
  el('span', { class: 'chip-value' }, cite.problem ? '无法填入' : cite.value)));
}

/** 一是, 二是… for the point at `index`. */
function ordinal(index) {
  return `${chineseNumber(index + 1)}是`;
}

function chineseNumber(n) {
  if (n < 10) {
    return DIGITS[n];
  }
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** Rows for a textarea holding `text`, for browsers without field-sizing. */
function rowsFor(text) {
  const lines = (text || '').split('\n');
  return Math.min(12, Math.max(2, lines.reduce((sum, line) => sum + Math.ceil((line.length || 1) / 36), 0)));
}

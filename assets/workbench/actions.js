// The editor's actions on the whole file: download the report (.docx, .md,
// .txt, rendered by the server from the saved file, so the file is saved
// first), 生成明年的文件 (rollover to next year's file beside this one,
// which then opens), and 对照去年 (this file's figures beside another
// file's, as a table).

import * as api from './api.js';
import { el, replaceChildren } from './dom.js';
import { leaveNote, notify } from './shell.js';

/**
 * The action buttons for the editor of `name`; `ready(what)` resolves to
 * whether the file is saved and without errors, having told the clerk why
 * `what` cannot be done when it is not.
 */
export function actionButtons(name, ready) {
  const download = (format) => async () => {
    if (!(await ready('下载'))) {
      return;
    }
    const link = el('a', { href: api.downloadUrl(name, format), download: '' });
    document.body.append(link);
    link.click();
    link.remove();
  };
  return el('div', { class: 'editor-actions' },
    el('div', { class: 'button-group', role: 'group', 'aria-label': '下载报告' },
      el('span', { class: 'group-label' }, '下载'),
      el('button', { class: 'btn primary', type: 'button', onclick: download('docx'), title: 'Word 文件，GB/T 9704 版式' }, '.docx'),
      el('button', { class: 'btn', type: 'button', onclick: download('md'), title: 'Markdown' }, '.md'),
      el('button', { class: 'btn', type: 'button', onclick: download('txt'), title: '纯文本，可粘贴到 OA 系统' }, '.txt')),
    el('button', { class: 'btn', type: 'button', onclick: () => rollover(name, ready) }, '生成明年的文件'),
    el('button', { class: 'btn', type: 'button', onclick: () => compare(name, ready) }, '对照去年'));
}

async function rollover(name, ready) {
  if (!(await ready('生成明年的文件'))) {
    return;
  }
  try {
    const next = await api.rolloverFile(name);
    leaveNote(next.name, {
      title: `已从“${name}”生成明年的文件“${next.name}”`,
      intro: '今年的数字已移作“上年”，今年的打算成了明年要写的工作；沿用的文字已标出，请逐条修改。',
      problems: next.problems,
    });
    location.hash = `#/edit/${encodeURIComponent(next.name)}`;
  } catch (error) {
    notify(error.message, 'error');
  }
}

async function compare(name, ready) {
  if (!(await ready('对照'))) {
    return;
  }
  let folder;
  try {
    folder = await api.folder();
  } catch (error) {
    notify(error.message, 'error');
    return;
  }
  const others = folder.files.filter((f) => f.name !== name && f.readable);
  const self = folder.files.find((f) => f.name === name);
  if (others.length === 0) {
    notify('工作文件夹里没有别的报告可以对照', 'info');
    return;
  }
  showCompareDialog(name, others, guessLastYear(self, others));
}

function guessLastYear(self, others) {
  const year = self?.year ? self.year - 1 : null;
  const sameBureau = others.filter((f) => f.year === year && f.bureau === self?.bureau);
  return (sameBureau[0] || others.find((f) => f.year === year) || others[0]).name;
}

function showCompareDialog(name, others, chosen) {
  const select = el('select', { id: 'compare-with' },
    others.map((f) => el('option', { value: f.name }, `${f.bureau || f.name} ${f.year ? `${f.year}年` : ''}（${f.name}）`)));
  select.value = chosen;
  const result = el('div', { class: 'compare-result' });
  const run = () => showComparison(result, select.value, name);
  select.addEventListener('change', run);
  const dialog = el('dialog', { class: 'dialog wide', 'aria-labelledby': 'compare-title' },
    el('div', { class: 'dialog-bar' },
      el('h2', { id: 'compare-title' }, '对照去年', el('small', {}, 'diff')),
      el('button', { class: 'btn', type: 'button', onclick: () => dialog.close() }, '关闭')),
    el('label', { class: 'field inline', for: 'compare-with' }, el('span', {}, '和这份对照'), select),
    result);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  run();
}

async function showComparison(result, oldName, newName) {
  replaceChildren(result, el('p', { class: 'muted' }, '正在对照…'));
  try {
    const [older, newer] = await Promise.all([api.readFile(oldName), api.readFile(newName)]);
    const table = await api.diff(older.text, newer.text);
    replaceChildren(result,
      table.years_reversed
        ? el('p', { class: 'hint warning' }, `注意：所选文件的年度（${table.old_year}）不早于这一份（${table.new_year}）。`)
        : null,
      el('div', { class: 'table-scroll' },
        el('table', { class: 'table diff' },
          el('thead', {}, el('tr', {}, table.header.map((title) => el('th', { scope: 'col' }, title)))),
          el('tbody', {}, table.rows.map((row) => el('tr', {}, row.map((cell, index) =>
            el(index === 0 ? 'th' : 'td', index === 0 ? { scope: 'row' } : {}, cell))))))));
  } catch (error) {
    replaceChildren(result, el('p', { class: 'hint error' }, error.message));
  }
}

// The home page (首页): the reports of the working folder, and where a
// clerk starts one: 新建 from init's choices, 导入去年的报告 from last
// year's published file, 检查一份文件 for any report, and the bureau's
// own .docx template (单位模板) that every download uses.

import * as api from './api.js';
import { LINT_NOTE } from './lint.js';
import { debounce, el, replaceChildren } from './dom.js';
import { leaveNote, markLoaded, notify, onFileChange } from './shell.js';

const KINDS = [
  { value: '工作总结', label: '年度工作总结' },
  { value: '法治政府建设年度报告', label: '法治政府建设年度报告' },
];

/** Shows the home page in `root`; resolves to the view. */
export async function showHome(root) {
  const list = el('div', { class: 'file-list' });
  const reference = el('div', { class: 'reference-status' });
  const folderName = el('span', { class: 'folder-path' });
  root.append(
    el('div', { class: 'home' },
      el('section', { class: 'card files', 'aria-labelledby': 'files-title' },
        el('h1', { id: 'files-title' }, '工作文件夹里的报告', ' ', folderName),
        list),
      el('div', { class: 'home-side' },
        newFileCard(),
        importCard(),
        lintCard(),
        referenceCard(reference))));
  const refresh = async () => {
    const answer = await api.folder();
    folderName.textContent = answer.folder;
    replaceChildren(list, fileTable(answer.files));
    showReference(reference, answer.reference);
  };
  try {
    await refresh();
  } catch (error) {
    notify(error.message, 'error');
  }
  markLoaded();
  const later = debounce(() => refresh().catch(() => {}), 300);
  const stop = onFileChange(later);
  return {
    leave() {
      later.cancel();
      stop();
    },
  };
}

const editLink = (name) => `#/edit/${encodeURIComponent(name)}`;

function fileTable(files) {
  if (files.length === 0) {
    return el('p', { class: 'empty' },
      '这个文件夹里还没有报告的数据文件。请在右边新建一份，或导入去年的报告。');
  }
  return el('table', { class: 'table' },
    el('thead', {}, el('tr', {},
      ['单位', '年度', '类型', '修改时间', '检查结果', ''].map((title) => el('th', { scope: 'col' }, title)))),
    el('tbody', {}, files.map(fileRow)));
}

function fileRow(file) {
  const open = () => { location.hash = editLink(file.name); };
  return el('tr', { class: 'file-row', ondblclick: open },
    el('td', {},
      el('a', { href: editLink(file.name), class: 'file-bureau' }, file.bureau || file.name),
      el('div', { class: 'file-name' }, file.name)),
    el('td', {}, file.year ? `${file.year}年` : ''),
    el('td', {}, file.kind || ''),
    el('td', { class: 'muted' }, file.modified || ''),
    el('td', {}, checkBadge(file)),
    el('td', { class: 'actions' }, el('button', { class: 'btn', type: 'button', onclick: open }, '打开')));
}

function checkBadge(file) {
  if (!file.readable) {
    return el('span', { class: 'badge error' }, '读不出');
  }
  if (file.errors > 0) {
    return el('span', { class: 'badge error', title: file.summary }, `${file.errors} 个错误`);
  }
  if (file.warnings > 0) {
    return el('span', { class: 'badge warning', title: file.summary }, `${file.warnings} 个警告`);
  }
  return el('span', { class: 'badge ok' }, '没有问题');
}

function newFileCard() {
  const bureau = el('input', { id: 'new-bureau', name: 'bureau', required: true, autocomplete: 'organization', placeholder: '例如：青禾县司法局' });
  const year = el('input', { id: 'new-year', name: 'year', type: 'number', min: 1949, max: 2100, value: String(new Date().getFullYear() - 1) });
  const kind = el('select', { id: 'new-kind', name: 'kind' },
    KINDS.map((k) => el('option', { value: k.value }, k.label)));
  const circular = el('input', { id: 'new-circular', name: 'circular', type: 'checkbox' });
  const create = async (event) => {
    event.preventDefault();
    try {
      const made = await api.createFile({
        bureau: bureau.value.trim(),
        year: Number(year.value),
        kind: kind.value,
        circular: circular.checked,
      });
      location.hash = editLink(made.name);
    } catch (error) {
      notify(error.message, 'error');
    }
  };
  return el('section', { class: 'card', 'aria-labelledby': 'new-title' },
    el('h2', { id: 'new-title' }, '新建', el('small', {}, 'init')),
    el('form', { class: 'form', onsubmit: create },
      field('单位全称', bureau),
      el('div', { class: 'form-row' }, field('年度', year), field('类型', kind)),
      el('label', { class: 'check' }, circular, '前面加印发通知（主送机关、“现将……印发给你们”）'),
      el('button', { class: 'btn primary', type: 'submit' }, '新建')));
}

function field(label, input) {
  return el('label', { class: 'field', for: input.id }, el('span', {}, label), input);
}

function uploadButton(label, accept, onFile) {
  const input = el('input', { type: 'file', accept, class: 'file-input', 'aria-label': label });
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) {
      return;
    }
    try {
      await onFile(file);
    } catch (error) {
      notify(error.message, 'error');
    } finally {
      input.value = '';
    }
  });
  return el('label', { class: 'btn upload' }, input, label);
}

function importCard() {
  const imported = async (file) => {
    const answer = await api.importReport(file);
    leaveNote(answer.name, { title: `已从“${file.name}”导入`, warnings: answer.warnings });
    location.hash = editLink(answer.name);
  };
  return el('section', { class: 'card', 'aria-labelledby': 'import-title' },
    el('h2', { id: 'import-title' }, '导入去年的报告', el('small', {}, 'import')),
    el('p', { class: 'hint' }, '选择去年印发的报告（.docx、.txt 或 .md），zongjie 把它变成一份数据文件，放在工作文件夹里，然后打开。'),
    uploadButton('选择报告文件…', '.docx,.txt,.md', imported));
}

function lintCard() {
  const linted = async (file) => {
    leaveNote(LINT_NOTE, { file: file.name, ...(await api.lintReport(file)) });
    location.hash = '#/lint';
  };
  return el('section', { class: 'card', 'aria-labelledby': 'lint-title' },
    el('h2', { id: 'lint-title' }, '检查一份文件', el('small', {}, 'lint')),
    el('p', { class: 'hint' }, '任何一份报告（.docx、.txt、.md 或数据文件）：检查标点、空格、空缺的数字、算错的比率、编号和年份。'),
    uploadButton('选择要检查的文件…', '.docx,.txt,.md,.yaml,.yml', linted));
}

function referenceCard(status) {
  const uploaded = async (file) => {
    await api.setReference(file);
    showReference(status, true);
    notify('已保存单位模板：以后下载的 .docx 都用它的版式', 'ok');
  };
  return el('section', { class: 'card', 'aria-labelledby': 'reference-title' },
    el('h2', { id: 'reference-title' }, '单位模板', el('small', {}, 'reference .docx')),
    el('p', { class: 'hint' }, '上传一份本单位的 .docx（盖章版式、页眉页脚），下载的 .docx 都按它排版。'),
    status,
    uploadButton('上传模板…', '.docx', uploaded));
}

function showReference(status, present) {
  const forget = async () => {
    try {
      await api.forgetReference();
      showReference(status, false);
    } catch (error) {
      notify(error.message, 'error');
    }
  };
  replaceChildren(status, present
    ? [el('span', { class: 'badge ok' }, '已上传'), ' ',
      el('button', { class: 'btn link', type: 'button', onclick: forget }, '删除模板')]
    : el('span', { class: 'muted' }, '未上传：使用 zongjie 自带的 GB/T 9704 版式'));
}

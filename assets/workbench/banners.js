// The editor's banners above its panes: the offer to reload or keep when
// the file changed elsewhere, and the note a view leaves for the file it
// made (an import's warnings, what a rollover asks the clerk to check).

import { el, replaceChildren } from './dom.js';

/**
 * Shows in `box` that the file changed on disk and the two ways on:
 * `reload()` (the file's version) and `keep()` (this one); `unsaved`
 * says whether this page has edits not saved yet.
 */
export function showConflict(box, { unsaved, reload, keep }) {
  const edited = unsaved ? '这里还有没保存的改动。' : '';
  replaceChildren(box,
    el('p', {}, el('strong', {}, '这个文件在别处被修改过了'),
      `（另一个窗口或别的编辑器）。${edited}为了不丢掉任何一边的内容，自动保存已暂停。`),
    el('div', { class: 'conflict-actions' },
      el('button', { class: 'btn primary', type: 'button', onclick: reload }, '重新载入', el('small', {}, '用文件中的版本，放弃这里的改动')),
      el('button', { class: 'btn', type: 'button', onclick: keep }, '保留我的版本', el('small', {}, '用这里的内容覆盖文件'))));
  box.hidden = false;
}

/** Shows `note` ({title, intro, warnings, problems}) in `box`, if there is one. */
export function showNote(box, note) {
  if (!note) {
    return;
  }
  const warnings = note.warnings || [];
  replaceChildren(box,
    el('div', { class: 'note-head' },
      el('strong', {}, note.title),
      el('button', { class: 'btn link', type: 'button', onclick: () => { box.hidden = true; } }, '知道了')),
    note.intro ? el('p', {}, note.intro) : null,
    warnings.length
      ? [el('p', {}, `导入时发现 ${warnings.length} 处需要核对：`), el('ul', {}, warnings.map((w) => el('li', {}, w)))]
      : null,
    note.problems ? el('p', {}, problemCount(note.problems)) : null,
    !warnings.length && !note.problems ? el('p', {}, '导入时没有发现需要特别核对的地方。') : null);
  box.hidden = false;
}

function problemCount(problems) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return `要检查的地方都列在下面的“问题”中（${errors} 个错误，${problems.length - errors} 个警告），点击一条即可到那里。`;
}

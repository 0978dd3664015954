// What every view of the workbench shares: short messages to the clerk
// (toasts), the live channel of file changes from the server, and notes
// handed from one view to the next (an import's warnings to the editor
// that opens its file).

import { el } from './dom.js';

const TOAST_TIME = 6000;

/** Shows a short message at the bottom of the window; `kind` is info, ok or error. */
export function notify(message, kind = 'info') {
  const toasts = document.getElementById('toasts');
  const toast = el('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  toasts.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? TOAST_TIME * 2 : TOAST_TIME);
}

const changeListeners = new Set();
let channel = null;

/** Calls `listener({name, version})` for every data file changed on disk; returns the way to stop. */
export function onFileChange(listener) {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Opens the live channel (once) and shows in the top bar whether it is connected. */
export function listenForChanges() {
  if (channel) {
    return;
  }
  channel = new EventSource('/api/events');
  channel.addEventListener('change', (event) => {
    const change = JSON.parse(event.data);
    for (const listener of changeListeners) {
      listener(change);
    }
  });
  channel.addEventListener('open', () => showConnection(true));
  channel.addEventListener('error', () => showConnection(false));
}

function showConnection(connected) {
  const status = document.getElementById('connection');
  status.hidden = connected;
  status.textContent = connected ? '' : '与工作台的连接断开了：zongjie 可能已经关闭，改动暂时无法保存';
}

const notes = new Map();

/** Leaves a note for the view that opens `name` next. */
export function leaveNote(name, note) {
  notes.set(name, note);
}

/** The note left for `name`, taken away. */
export function takeNote(name) {
  const note = notes.get(name);
  notes.delete(name);
  return note;
}

/** A problem's note, unless it is a hint for the command line (lint --fix), which the clerk here has not. */
export function noteFor(problem) {
  return problem.note && !problem.note.startsWith('可用 zongjie ') ? problem.note : null;
}

/** What the views measure, for the browser tests: `window.__zongjie`. */
export const timings = {
  firstLoad: null,
  renders: [],
  lastRender: null,
};
window.__zongjie = timings;

/** Records the first time a view is ready (ms since the page started loading). */
export function markLoaded() {
  if (timings.firstLoad === null) {
    timings.firstLoad = performance.now();
  }
}

/** Records one render: from the end of the debounce (`start`) to the repainted preview. */
export function markRender(start) {
  const end = performance.now();
  timings.lastRender = { start, end, ms: end - start };
  timings.renders.push(end - start);
}

// The workbench's JSON API as functions: every call the page makes to the
// zongjie server goes through here. A refused call throws an ApiError with
// the server's Chinese message (and, for a save refused because the file
// changed on disk, what is there now).

/** An answer that is an error, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(status, message, detail = {}) {
    super(message);
    this.status = status;
    this.problems = detail.problems || [];
    this.current = detail.current || null;
  }
}

const UNREACHABLE =
  '连不上工作台：zongjie 可能已经关闭。请重新双击 zongjie 打开，再刷新本页。';

async function call(method, url, { json, body, contentType } = {}) {
  const headers = {};
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response;
}

async function errorOf(response) {
  try {
    const { error } = await response.json();
    return new ApiError(response.status, error.message, error);
  } catch {
    return new ApiError(response.status, `工作台出错了（HTTP ${response.status}）`);
  }
}

async function callJson(method, url, options) {
  const response = await call(method, url, options);
  return response.json();
}

const fileUrl = (name) => `/api/files/${encodeURIComponent(name)}`;

/** The working folder: its data files and whether it has a reference .docx. */
export const folder = () => callJson('GET', '/api/folder');

/** A new data file from init's choices: `{bureau, year, kind, circular}`. */
export const createFile = (choices) => callJson('POST', '/api/files', { json: choices });

/** A data file's text and version. */
export const readFile = (name) => callJson('GET', fileUrl(name));

/** Saves `text` over the version `baseVersion` of the file; 409 when it changed. */
export const saveFile = (name, text, baseVersion) =>
  callJson('PUT', fileUrl(name), { json: { text, base_version: baseVersion } });

/** Next year's file, written beside this one. */
export const rolloverFile = (name) => callJson('POST', `${fileUrl(name)}/rollover`);

/** Where the saved file is downloaded in `format` (docx, md, txt). */
export const downloadUrl = (name, format) => `${fileUrl(name)}/download?format=${format}`;

/** Problems, pages, outline and figures of a data file's text. */
export const render = (text, name) => callJson('POST', '/api/render', { json: { text, name } });

/** The text with a form edit made. */
export const edit = (text, change) => callJson('POST', '/api/edit', { json: { text, edit: change } });

/** The figures of two texts side by side. */
export const diff = (oldText, newText) =>
  callJson('POST', '/api/diff', { json: { old: oldText, new: newText } });

const upload = (method, url, file) =>
  callJson(method, url, { body: file, contentType: 'application/octet-stream' });

/** An uploaded report imported as a new data file of the folder. */
export const importReport = (file) =>
  upload('POST', `/api/import?name=${encodeURIComponent(file.name)}&save=1`, file);

/** An uploaded report's findings. */
export const lintReport = (file) =>
  upload('POST', `/api/lint?name=${encodeURIComponent(file.name)}`, file);

/** Keeps an uploaded .docx as the folder's reference (单位模板). */
export const setReference = (file) => upload('PUT', '/api/reference', file);

/** Forgets the folder's reference .docx. */
export const forgetReference = () => callJson('DELETE', '/api/reference');

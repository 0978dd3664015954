// Saving never loses an edit: the editor's text is written to the data
// file about a second after the last change, each save naming the
// version of the file it started from, so the server refuses it (409)
// when the file changed on disk meanwhile: edited in another editor, or
// saved by another tab. Then, and when the live channel tells of a
// version that is not ours, saving stops and the clerk chooses: reload
// the file from disk, or keep this version (saved over the one on disk).

import * as api from './api.js';
import { clock, debounce } from './dom.js';

/** How long after the last change the text is saved, in ms. */
export const SAVE_PAUSE = 1000;
/** How long after a failed save it is tried again, in ms. */
const RETRY = 5000;

/**
 * The saver of one data file. `text()` is the editor's text now;
 * `status(kind, message)` shows how saving goes; `conflict(current)` is
 * called with the file on disk ({text, version}) when it changed there.
 */
export class Saver {
  constructor({ name, text, status, conflict }) {
    this.name = name;
    this.text = text;
    this.status = status;
    this.conflict = conflict;
    this.version = null;
    this.savedText = null;
    this.saving = null;
    this.backup = null;
    this.ours = new Set();
    this.inConflict = false;
    this.later = debounce(() => this.save(), SAVE_PAUSE);
  }

  /** The file as read from disk. */
  loaded(version, text) {
    this.version = version;
    this.savedText = text;
    this.ours.add(version);
    this.inConflict = false;
    this.later.cancel();
    this.status('loaded', '已载入');
  }

  /** Whether the editor has edits not on disk yet. */
  get unsaved() {
    return this.text() !== this.savedText;
  }

  /** The editor's text changed: saved once the clerk pauses. */
  changed() {
    if (this.inConflict) {
      this.status('conflict', '未保存：文件在别处被修改过，请先选择');
      return;
    }
    if (this.unsaved) {
      this.status('pending', '有改动，稍后自动保存');
      this.later();
    }
  }

  /** Saves now what waits; resolves to whether everything is on disk. */
  async flush() {
    this.later.cancel();
    await this.save();
    return !this.unsaved;
  }

  /** Writes the editor's text over the version it started from, after any save under way. */
  save() {
    const saving = (this.saving || Promise.resolve()).then(() => this.writeIfNeeded());
    this.saving = saving;
    saving.then(() => {
      if (this.saving === saving) {
        this.saving = null;
      }
    });
    return saving;
  }

  /** The editor is closed: nothing more is saved. */
  stop() {
    this.stopped = true;
    this.later.cancel();
  }

  async writeIfNeeded() {
    if (this.unsaved && !this.inConflict && !this.stopped) {
      await this.write(this.text(), this.version);
    }
  }

  async write(text, baseVersion) {
    this.status('saving', '正在保存…');
    try {
      const saved = await api.saveFile(this.name, text, baseVersion);
      this.ours.add(saved.version);
      this.version = saved.version;
      this.savedText = text;
      this.backup = this.backup || saved.backup;
      const backup = this.backup ? `（原文件另存为 ${this.backup}）` : '';
      this.status(this.unsaved ? 'pending' : 'saved', `已保存 ${clock()}${backup}`);
    } catch (error) {
      if (error.status === 409 && error.current) {
        this.changedOnDisk(error.current);
      } else {
        this.status('failed', `保存失败：${error.message}（稍后再试）`);
        setTimeout(() => this.save(), RETRY);
      }
    }
  }

  /** The live channel says `version` of the file is on disk now. */
  async heard(version) {
    await this.saving;
    if (version === null) {
      this.status('failed', '文件已从工作文件夹中删除或改名；这里的内容仍在，保存时会重新建立它');
      return;
    }
    if (this.ours.has(version) || version === this.version || this.inConflict) {
      return;
    }
    try {
      this.changedOnDisk(await api.readFile(this.name));
    } catch (error) {
      this.status('failed', error.message);
    }
  }

  changedOnDisk(current) {
    if (current.version === this.version || this.ours.has(current.version)) {
      return;
    }
    this.inConflict = true;
    this.later.cancel();
    this.status('conflict', '文件在别处被修改过');
    this.conflict(current);
  }

  /** Keeps the editor's version: saved over `current`, the version now on disk. */
  keepMine(current) {
    this.inConflict = false;
    this.version = current.version;
    this.savedText = current.text;
    return this.save();
  }
}

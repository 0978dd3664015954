// The editor of one data file (#/edit/NAME): the outline, figures and YAML
// tabs on the left with the problems under them, the preview on the right.
// It holds the file's text; every change (a form edit through /api/edit,
// or typing in the YAML) re-renders through /api/render and is saved a
// second later. Edits and renders go one after another, so each edit is
// made on the text the one before it left.

import { actionButtons } from './actions.js';
import * as api from './api.js';
import { showConflict, showNote } from './banners.js';
import { afterPaint, debounce, el } from './dom.js';
import { FiguresPane } from './figures.js';
import { OutlinePane } from './outline.js';
import { Preview } from './preview.js';
import { Problems } from './problems.js';
import { Saver } from './saving.js';
import { Tabs } from './tabs.js';
import { markLoaded, markRender, notify, onFileChange, takeNote } from './shell.js';
import { YamlPane } from './yamlpane.js';

/** How long a pause in typing the YAML re-renders, in ms. */
const RENDER_PAUSE = 250;

/** Opens `name` in an editor in `root`; resolves to the view. */
export async function showEditor(root, name) {
  const file = await api.readFile(name);
  const editor = new Editor(root, name);
  await editor.load(file);
  return editor;
}

class Editor {
  constructor(root, name) {
    this.name = name;
    this.text = '';
    this.queue = Promise.resolve();
    this.renderCount = 0;
    this.formsLocked = false;
    this.shownPages = '';
    this.saver = new Saver({
      name,
      text: () => this.text,
      status: (kind, message) => this.showStatus(kind, message),
      conflict: (current) => this.showConflict(current),
    });
    this.renderLater = debounce(() => this.render(performance.now()), RENDER_PAUSE);
    this.buildPanes();
    root.append(this.layout());
    this.stopListening = onFileChange((change) => {
      if (change.name === name) {
        this.saver.heard(change.version);
      }
    });
    this.warnOnLeave = (event) => {
      if (this.hasUnsavedEdits()) {
        event.preventDefault();
        event.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', this.warnOnLeave);
  }

  buildPanes() {
    const edit = (change, start) => this.edit(change, start);
    this.outline = new OutlinePane({ edit, onFocusPart: (lines) => this.preview.highlightLines(lines) });
    this.figures = new FiguresPane({
      edit,
      goTo: (line) => this.goToLine(line),
      placeOf: (line) => this.outline.placeOf(line) || { short: `第 ${line} 行`, label: '' },
    });
    this.yaml = new YamlPane({ onInput: (text) => this.typed(text) });
    this.preview = new Preview({ onPick: (line) => this.picked(line) });
    this.problems = new Problems({ onGo: (line, column) => this.goToLine(line, column) });
  }

  layout() {
    this.title = el('h1', { class: 'doc-title' }, this.name);
    this.status = el('span', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
    this.conflictBox = el('div', { class: 'conflict-box', role: 'alert', hidden: true });
    this.noteBox = el('div', { class: 'note-box', hidden: true });
    this.lockNote = el('p', { class: 'lock-note', role: 'status', hidden: true });
    this.tabs = new Tabs([
      { id: 'outline', label: '结构', hint: '标题、各部分和要点', pane: this.outline.element },
      { id: 'figures', label: '数据', hint: '数字和比率', pane: this.figures.element },
      { id: 'yaml', label: 'YAML', hint: '高级：数据文件全文', pane: this.yaml.element },
    ]);
    return el('div', { class: 'editor' },
      el('div', { class: 'editor-bar' },
        el('a', { class: 'btn', href: '#/' }, '← 首页'),
        el('div', { class: 'doc' }, this.title, el('span', { class: 'file-name' }, this.name)),
        this.status,
        actionButtons(this.name, (what) => this.readyFor(what))),
      this.conflictBox,
      this.noteBox,
      el('div', { class: 'editor-body' },
        el('div', { class: 'work-pane' }, this.tabs.element, this.lockNote, this.problems.element),
        this.preview.element));
  }

  async load(file) {
    this.text = file.text;
    this.yaml.setText(file.text);
    this.saver.loaded(file.version, file.text);
    showNote(this.noteBox, takeNote(this.name));
    await this.render(performance.now());
    markLoaded();
  }

  /** Whether an edit is not on disk yet: typed and waiting, or made and not saved. */
  hasUnsavedEdits() {
    return this.saver.unsaved || this.outline.fields.waiting || this.figures.fields.waiting;
  }

  /** Sends what waits and saves it; resolves to whether every edit is on disk. */
  async settle() {
    this.outline.fields.flush();
    this.figures.fields.flush();
    await this.queue;
    return this.saver.flush();
  }

  /** Whether the saved file can be downloaded, rolled over or compared; tells the clerk why not. */
  async readyFor(what) {
    await this.renderLater.flush();
    if (!(await this.settle())) {
      notify(`还有改动没有保存，暂时不能${what}：请先处理上方的提示。`, 'error');
      return false;
    }
    const errors = this.problems.errorCount;
    if (errors > 0) {
      notify(`文件还有 ${errors} 个错误，暂时不能${what}：请先改正“问题”中的错误（点击可到出错的地方）。`, 'error');
      return false;
    }
    return true;
  }

  /** Leaving the editor: its last edits are saved first. */
  async leave() {
    this.renderLater.cancel();
    const saved = await this.settle();
    if (!saved && !confirm('还有改动没有保存到文件。仍然离开？（离开后这些改动会丢失）')) {
      history.replaceState(null, '', `#/edit/${encodeURIComponent(this.name)}`);
      return false;
    }
    this.saver.stop();
    this.stopListening();
    window.removeEventListener('beforeunload', this.warnOnLeave);
    return true;
  }

  // ----- changes -----

  /** Makes a form edit; resolves once its render is on screen. */
  edit(change, start) {
    return this.enqueue(async () => {
      let answer;
      try {
        answer = await api.edit(this.text, change);
      } catch (error) {
        this.showLock(error.message);
        return;
      }
      this.changed(answer.text);
      this.yaml.setText(answer.text);
      await this.render(start);
    });
  }

  /** The clerk typed in the YAML. */
  typed(text) {
    this.changed(text);
    this.renderLater();
  }

  changed(text) {
    this.text = text;
    this.saver.changed();
  }

  enqueue(task) {
    const done = this.queue.then(task);
    this.queue = done.catch((error) => notify(error.message, 'error'));
    return done;
  }

  /** Renders the text now; `start` is when the change's pause ended, for the timings. */
  async render(start) {
    const count = ++this.renderCount;
    const text = this.text;
    let result;
    try {
      result = await api.render(text, this.name);
    } catch (error) {
      notify(error.message, 'error');
      return;
    }
    if (count !== this.renderCount) {
      return;
    }
    this.show(result);
    await afterPaint();
    markRender(start);
  }

  show(result) {
    this.problems.update(result.problems);
    this.yaml.markProblems(result.problems);
    this.preview.setStale(!result.ok);
    if (result.ok) {
      this.paint(result.pages);
      this.showTitle(this.preview.title());
    }
    if (!result.outline) {
      this.showLock('文件有错误，“结构”和“数据”暂时不能修改：请先改正下面“问题”中的错误（点击可到出错的地方）。');
      return;
    }
    this.showLock(null);
    this.outline.update(result.outline);
    this.figures.update(result.figures);
    if (!result.ok && !this.preview.title()) {
      const title = result.outline.top.find((t) => t.field === 'title');
      this.showTitle(title.value || title.placeholder);
    }
  }

  paint(pages) {
    const joined = pages.join('');
    if (joined !== this.shownPages) {
      this.preview.paint(pages);
      this.shownPages = joined;
    }
  }

  /** Locks the outline and figures with `message` saying why, or unlocks them (`null`). */
  showLock(message) {
    this.formsLocked = Boolean(message);
    this.lockNote.hidden = !message;
    this.lockNote.textContent = message || '';
    this.outline.setLocked(Boolean(message));
    this.figures.setLocked(Boolean(message));
  }

  /** The report's title over the editor and in the window's title. */
  showTitle(title) {
    this.title.textContent = title || this.name;
    document.title = `${title || this.name} · zongjie 工作台`;
  }

  // ----- going to a place -----

  /**
   * Takes the clerk to data file `line`: its part in the outline, its
   * figure in the table, or else (and whenever the forms are locked) the
   * line in the YAML.
   */
  goToLine(line, column) {
    if (this.formsLocked) {
      this.showYamlLine(line, column);
    } else if (this.outline.placeOf(line)) {
      this.tabs.select('outline');
      this.outline.reveal(line);
    } else if (this.figures.rowAt(line)) {
      this.tabs.select('figures');
      this.figures.reveal(line);
    } else {
      this.showYamlLine(line, column);
    }
  }

  /** A paragraph of the preview was clicked: its place in the tab the clerk is in. */
  picked(line) {
    if (this.tabs.current === 'yaml') {
      this.showYamlLine(line);
    } else {
      this.goToLine(line);
    }
    this.preview.highlightLines([line], { scroll: false });
  }

  showYamlLine(line, column) {
    this.tabs.select('yaml');
    this.yaml.goToLine(line, column);
  }

  // ----- what the clerk is told -----

  showStatus(kind, message) {
    this.status.dataset.kind = kind;
    this.status.textContent = message;
  }

  showConflict(current) {
    const reload = async () => {
      this.conflictBox.hidden = true;
      await this.queue;
      this.text = current.text;
      this.yaml.setText(current.text);
      this.saver.loaded(current.version, current.text);
      await this.render(performance.now());
    };
    const keep = async () => {
      this.conflictBox.hidden = true;
      await this.saver.keepMine(current);
    };
    showConflict(this.conflictBox, { unsaved: this.saver.unsaved, reload, keep });
  }
}

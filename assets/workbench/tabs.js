// The editor's tabs (结构, 数据, YAML): a tab list with a roving focus, the
// arrow keys moving between the tabs as in any desktop program, and the
// panel of each tab.

import { el } from './dom.js';

/** The tabs `[{id, label, hint, pane}]`; the first is shown. */
export class Tabs {
  constructor(tabs) {
    this.tabs = tabs;
    this.list = el('div', { class: 'tab-list', role: 'tablist', 'aria-label': '编辑方式', onkeydown: (e) => this.key(e) });
    this.panels = el('div', { class: 'tab-panels' });
    for (const tab of tabs) {
      tab.button = el('button', {
        class: 'tab',
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-controls': `panel-${tab.id}`,
        onclick: () => this.select(tab.id),
      }, tab.label, el('small', {}, tab.hint));
      tab.panel = el('div', { class: 'tab-panel', role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}` }, tab.pane);
      this.list.append(tab.button);
      this.panels.append(tab.panel);
    }
    this.element = el('div', { class: 'tabs' }, this.list, this.panels);
    this.select(tabs[0].id);
  }

  /** Shows the tab `id`. */
  select(id) {
    this.current = id;
    for (const tab of this.tabs) {
      const selected = tab.id === id;
      tab.button.setAttribute('aria-selected', String(selected));
      tab.button.tabIndex = selected ? 0 : -1;
      tab.panel.hidden = !selected;
    }
  }

  key(event) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) {
      return;
    }
    const index = this.tabs.findIndex((t) => t.id === this.current);
    const next = this.tabs[(index + step + this.tabs.length) % this.tabs.length];
    this.select(next.id);
    next.button.focus();
  }
}

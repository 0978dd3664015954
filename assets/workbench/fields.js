// Form fields that edit the data file: each input is bound to a key (what
// it edits, e.g. "part:work:0.1:text") and a function turning its value
// into an edit for /api/edit. Typing sends the edit once the clerk pauses
// (debounced); leaving the field sends it at once. A field the clerk is in,
// or whose edit is still waiting, is never overwritten by a new render.

import { debounce } from './dom.js';

/** How long a pause in typing sends a field's edit, in ms. */
export const TYPING_PAUSE = 250;

/** The bound fields of one pane; `send(edit, start)` makes an edit. */
export class Fields {
  constructor(send) {
    this.send = send;
    this.bound = new Map();
  }

  /** Binds `input` to `key`; `toEdit(value)` is the edit its value makes. */
  bind(input, key, toEdit) {
    const send = debounce(() => this.send(toEdit(input.value), performance.now()), TYPING_PAUSE);
    input.dataset.key = key;
    // While an input method composes (pinyin), the letters typed so far
    // are not the clerk's text yet: the edit waits for the composition.
    input.addEventListener('input', (event) => {
      if (!event.isComposing) {
        send();
      }
    });
    input.addEventListener('compositionend', () => send());
    input.addEventListener('change', () => send.flush());
    this.bound.set(key, { input, send });
    return input;
  }

  /** Sets the field `key` to `value` unless the clerk is in it or its edit waits. */
  patch(key, value) {
    const field = this.bound.get(key);
    if (!field || field.send.waiting || field.input === document.activeElement) {
      return;
    }
    if (field.input.value !== value) {
      field.input.value = value;
    }
  }

  /** Forgets the fields whose keys start with `prefix`, sending what waits. */
  unbind(prefix) {
    for (const [key, { send }] of this.bound) {
      if (key.startsWith(prefix)) {
        send.flush();
        this.bound.delete(key);
      }
    }
  }

  /** Whether an edit waits for the clerk to pause. */
  get waiting() {
    return [...this.bound.values()].some(({ send }) => send.waiting);
  }

  /** Sends every waiting edit now (before the fields' places change). */
  flush() {
    for (const { send } of this.bound.values()) {
      send.flush();
    }
  }

  /** Forgets every field (their elements are about to be replaced), sending what waits. */
  reset() {
    this.flush();
    this.bound.clear();
  }

  /** Which field has the focus, and where its cursor is, to put it back after a rebuild. */
  focusState() {
    const active = document.activeElement;
    if (!active || !active.dataset || !active.dataset.key) {
      return null;
    }
    const selection = 'selectionStart' in active && typeof active.selectionStart === 'number'
      ? [active.selectionStart, active.selectionEnd]
      : null;
    return { key: active.dataset.key, selection };
  }

  /** Puts the focus back where `state` says, if the field is still there. */
  restoreFocus(state) {
    const field = state && this.bound.get(state.key);
    if (!field) {
      return;
    }
    field.input.focus({ preventScroll: true });
    if (state.selection) {
      field.input.setSelectionRange(...state.selection);
    }
  }

  /** The input bound to `key`. */
  input(key) {
    return this.bound.get(key)?.input;
  }
}

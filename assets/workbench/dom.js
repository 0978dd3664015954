// Small helpers for building the page's elements without inline HTML or
// inline styles (the Content-Security-Policy allows neither), and for
// waiting: debounced calls and the next painted frame.

/**
 * A new element: `el('button', {class: 'btn', onclick: go}, '打开')`.
 * Attributes named `on…` become listeners; `class`, `text`, `value`,
 * `checked`, `disabled`, `hidden` are set as properties; `data` is an
 * object of data attributes; `null`, `undefined` and `false` are left out.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    setAttribute(element, name, value);
  }
  append(element, children);
  return element;
}

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'text']);

function setAttribute(element, name, value) {
  if (value === null || value === undefined || value === false) {
    return;
  }
  if (name.startsWith('on')) {
    element.addEventListener(name.slice(2), value);
  } else if (name === 'class') {
    element.className = value;
  } else if (name === 'data') {
    Object.assign(element.dataset, value);
  } else if (name === 'text') {
    element.textContent = value;
  } else if (PROPERTIES.has(name)) {
    element[name] = value;
  } else {
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Appends children (elements, strings, arrays of them) to `parent`. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** Replaces everything in `parent` with `children`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/**
 * A function that runs `action` once `delay` ms have passed without a new
 * call; `.flush()` runs a waiting call now, `.cancel()` drops it,
 * `.waiting` says whether one waits.
 */
export function debounce(action, delay) {
  let timer = null;
  let lastArguments = [];
  const debounced = (...args) => {
    lastArguments = args;
    clearTimeout(timer);
    timer = setTimeout(fire, delay);
  };
  const fire = () => {
    timer = null;
    return action(...lastArguments);
  };
  debounced.flush = () => {
    if (timer === null) {
      return undefined;
    }
    clearTimeout(timer);
    return fire();
  };
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  Object.defineProperty(debounced, 'waiting', { get: () => timer !== null });
  return debounced;
}

/** Resolves once the browser has painted the current state of the page. */
export function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** The time of day as 14:05. */
export function clock(date = new Date()) {
  return date.toTimeString().slice(0, 5);
}

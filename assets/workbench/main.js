// The page's entry: picks the view from the address (#/ the home page,
// #/edit/NAME a data file in the editor, #/lint the findings of an
// uploaded report) and lets the view being left finish first (an editor
// saves its last edits before the home page shows).

import { showEditor } from './editor.js';
import { showHome } from './home.js';
import { showLint } from './lint.js';
import { listenForChanges, notify } from './shell.js';

let current = null;
let routing = Promise.resolve();

function viewFor(hash) {
  const edit = hash.match(/^#\/edit\/(.+)$/);
  if (edit) {
    return (root) => showEditor(root, decodeURIComponent(edit[1]));
  }
  if (hash === '#/lint') {
    return showLint;
  }
  return showHome;
}

async function route() {
  const root = document.getElementById('app');
  if (current) {
    const left = await current.leave();
    if (left === false) {
      return;
    }
  }
  current = null;
  root.replaceChildren();
  try {
    current = await viewFor(location.hash)(root);
  } catch (error) {
    notify(error.message, 'error');
    history.replaceState(null, '', '#/');
    root.replaceChildren();
    current = await showHome(root);
  }
}

window.addEventListener('hashchange', () => {
  routing = routing.then(route);
});

listenForChanges();
routing = route();

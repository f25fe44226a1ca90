import { count } from '../count.js';
import type { Keypress } from './keypress.js';
import { startCall } from './load.js';
import { suggestedName } from './open.js';
import { chosenColumns, displayed } from './select.js';
import { same, update } from './step.js';
import type { BrowserState, Step, ViewState } from './types.js';

/** What a key does to a one-line input whose caret sits at the end; undefined: not an edit. */
function edit(text: string, key: Keypress): string | undefined {
  if (key.name === 'backspace' || key.name === 'delete') return text.slice(0, -1);
  if (key.name === undefined && key.input !== '' && !key.ctrl && !key.meta) return text + key.input;
  return undefined;
}

/** `/`: the filter applies as it is typed; Enter keeps it, Esc clears it. */
export function filterKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  if (key.name === 'return') return update(state, { ...view, mode: 'table' });
  if (key.name === 'escape') return update(state, { ...view, mode: 'table', query: '', cursor: 0, top: 0 });
  const query = edit(view.query, key);
  if (query === undefined || query === view.query) return same(state);
  return update(state, { ...view, query, cursor: 0, top: 0 });
}

/** The rows `e` writes: the marked ones when there are any (in load order), else those shown. */
export function exportRows(view: ViewState): unknown[] {
  if (view.marks.size > 0) return [...view.marks].sort((a, b) => a - b).map((i) => view.rows[i]);
  return displayed(view).map((i) => view.rows[i]);
}

/** `e`: the file name, with a suggestion to edit; Enter writes, Esc cancels. */
export function exportKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  if (key.name === 'escape') return update(state, { ...view, mode: 'table', message: 'export cancelled' });
  if (key.name === 'return') {
    const path = view.input.trim() || suggestedName(view);
    const items = exportRows(view);
    return update(
      state,
      { ...view, mode: 'table', message: `writing ${count(items.length, 'row')}…` },
      { type: 'export', view: view.id, path, items, columns: chosenColumns(view), overwrite: false },
    );
  }
  const input = edit(view.input, key);
  return input === undefined ? same(state) : update(state, { ...view, input });
}

/** A y/N question: y does it, anything else leaves things as they are. */
export function confirmKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  const question = view.question;
  if (!question) return update(state, { ...view, mode: 'table' });
  const closed: ViewState = { ...view, mode: question.back, question: undefined };
  if (key.input !== 'y' && key.input !== 'Y') return update(state, { ...closed, message: 'cancelled' });
  const yes = question.yes;
  if (yes.kind === 'overwrite') {
    return update(
      state,
      { ...closed, message: `writing ${count(yes.items.length, 'row')}…` },
      {
        type: 'export',
        view: view.id,
        path: yes.path,
        items: yes.items,
        columns: yes.columns,
        overwrite: true,
      },
    );
  }
  return startCall(state, { ...closed, message: `${yes.what}…` }, yes.call, (id) => ({
    kind: 'action',
    id,
    what: yes.what,
  }));
}

import { detailKeys } from './detail-keys.js';
import type { Keypress } from './keypress.js';
import { leave } from './navigate.js';
import { actionKeys, codeKeys, columnKeys, relatedKeys } from './pick-keys.js';
import { confirmKeys, exportKeys, filterKeys } from './prompt-keys.js';
import { topView } from './select.js';
import { update, withView } from './step.js';
import { tableKeys } from './table-keys.js';
import type { BrowserState, Step } from './types.js';

/**
 * One key press against the view on screen: a pure function of the state and the key,
 * dispatching on the view's mode. Everything outside (fetching, copying, writing) comes back
 * as commands.
 */
export function handleKey(state: BrowserState, key: Keypress): Step {
  if (key.ctrl && key.input === 'c') return leave(state);
  const typed = topView(state);
  // Prompts keep their line; elsewhere the last message goes with the next key.
  const view =
    typed.mode === 'filter' || typed.mode === 'export' || typed.message === undefined
      ? typed
      : { ...typed, message: undefined };
  const base = view === typed ? state : withView(state, view);
  switch (view.mode) {
    case 'filter':
      return filterKeys(base, view, key);
    case 'export':
      return exportKeys(base, view, key);
    case 'confirm':
      return confirmKeys(base, view, key);
    case 'help':
      return update(base, { ...view, mode: view.returnTo });
    case 'sort':
    case 'columns':
      return columnKeys(base, view, key);
    case 'related':
      return relatedKeys(base, view, key);
    case 'actions':
      return actionKeys(base, view, key);
    case 'code':
      return codeKeys(base, view, key);
  }
  if (key.input === 'q' && !key.ctrl) return leave(base);
  if (key.input === '?') return update(base, { ...view, returnTo: view.mode, mode: 'help' });
  if (view.mode === 'detail' || view.single) return detailKeys(base, view, key);
  return tableKeys(base, view, key);
}

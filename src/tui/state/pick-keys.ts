import { CODE_TABS } from '../code-tabs.js';
import { codeOf } from './code.js';
import { copy } from './detail-keys.js';
import type { Keypress } from './keypress.js';
import { follow, leave } from './navigate.js';
import { confirmAction } from './open.js';
import { actionsOf, chosenColumns, fittedColumns, relatedOf } from './select.js';
import { cycleOrder } from './sort.js';
import { same, update, withView } from './step.js';
import type { BrowserState, Step, ViewState } from './types.js';

/** ↑ ↓ in a pick list of `count` entries; undefined for any other key. */
function pickMove(state: BrowserState, view: ViewState, key: Keypress, count: number): Step | undefined {
  if (key.name === 'up') return update(state, { ...view, pick: Math.max(0, view.pick - 1) });
  if (key.name === 'down')
    return update(state, { ...view, pick: Math.max(0, Math.min(count - 1, view.pick + 1)) });
  return undefined;
}

/** The sort and column pick lists. */
export function columnKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  const sorting = view.mode === 'sort';
  const keys = sorting ? fittedColumns(state, view).map((c) => c.key) : view.candidates;
  const moved = pickMove(state, view, key, keys.length);
  if (moved) return moved;
  if (key.name === 'escape' || key.input === 'q' || (!sorting && key.input === 'c'))
    return update(state, { ...view, mode: 'table' });
  const chosen = keys[view.pick];
  if (chosen === undefined) return same(state);
  if (sorting && (key.name === 'return' || key.input === ' ' || key.input === 's')) {
    return update(state, {
      ...view,
      order: cycleOrder(view.order, chosen),
      cursor: 0,
      top: 0,
      mode: 'table',
    });
  }
  if (!sorting && (key.name === 'return' || key.input === ' ')) {
    const list = chosenColumns(view);
    const picked = list.includes(chosen) ? list.filter((k) => k !== chosen) : [...list, chosen];
    return update(state, { ...view, picked });
  }
  return same(state);
}

/** The related pick list: Enter follows, Esc goes back to where it was opened from. */
export function relatedKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  const items = relatedOf(state, view);
  const moved = pickMove(state, view, key, items.length);
  if (moved) return moved;
  if (key.name === 'escape' || key.input === 'g') return update(state, { ...view, mode: view.returnTo });
  if (key.input === 'q') return leave(state);
  const chosen = items[view.pick];
  if (key.name === 'return' && chosen) {
    // Crumbs are taken as the list stands (the item open); the view below then returns.
    const step = follow(state, chosen.call, chosen.crumb);
    return { state: withView(step.state, { ...view, mode: view.returnTo }), commands: step.commands };
  }
  return same(state);
}

/** The action pick list: Enter asks to confirm, Esc goes back. */
export function actionKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  const moved = pickMove(state, view, key, actionsOf(state, view).length);
  if (moved) return moved;
  if (key.name === 'return') return confirmAction(state, view);
  if (key.name === 'escape' || key.input === ':' || key.input === 'q')
    return update(state, { ...view, mode: view.returnTo });
  return same(state);
}

/** The code overlay: 1 2 3 or ← → pick the language, y or Enter copies it, anything else closes. */
export function codeKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  const code = codeOf(state, view);
  const tabs = CODE_TABS.length;
  if (code && (key.name === 'left' || key.name === 'right' || key.name === 'tab')) {
    const codeTab = (((view.codeTab + (key.name === 'left' ? -1 : 1)) % tabs) + tabs) % tabs;
    return update(state, { ...view, codeTab });
  }
  const number = Number(key.input);
  if (code && key.input !== '' && Number.isInteger(number) && number >= 1 && number <= tabs)
    return update(state, { ...view, codeTab: number - 1 });
  const closed = { ...view, mode: view.returnTo };
  const tab = CODE_TABS[view.codeTab];
  if (code && tab && (key.input === 'y' || key.name === 'return')) {
    const text = code[tab.key];
    return copy(
      state,
      closed,
      text,
      `copied the ${tab.title} call (${text.split('\n').length} lines) to the clipboard`,
    );
  }
  return update(state, closed);
}

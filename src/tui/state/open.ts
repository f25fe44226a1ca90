import { itemLabel } from '../item-label.js';
import { actionsOf, baseMode, focusItem, relatedOf } from './select.js';
import { update } from './step.js';
import type { BrowserState, Step, ViewState } from './types.js';

/** The detail view on row `row`; reopening the same row finds its cursor where it was. */
export function openDetail(view: ViewState, row: number): ViewState {
  const detail = row === view.detail.row ? view.detail : { ...view.detail, row, cursor: 0, top: 0 };
  return { ...view, mode: 'detail', detail };
}

/** `x`: the call behind the view as code; the overlay returns to where it was opened. */
export function openCode(state: BrowserState, view: ViewState): Step {
  return update(state, { ...view, returnTo: view.mode, mode: 'code' });
}

/**
 * `g`: the related pick list of the focused item. `fromTable`: the detail was opened just now
 * for the row under the cursor; with nothing related it stays in the table.
 */
export function openRelated(state: BrowserState, view: ViewState, fromTable: boolean): Step {
  if (relatedOf(state, view).length === 0) {
    return update(state, {
      ...view,
      mode: fromTable ? 'table' : view.mode,
      message: 'nothing related to follow here (drill-down needs the api and a spec)',
    });
  }
  // Esc goes back where `g` was pressed: the table it came from, or the detail view.
  return update(state, { ...view, pick: 0, returnTo: fromTable ? 'table' : 'detail', mode: 'related' });
}

/** `:`: the custom verbs of the focused item (stop, restart), from the spec. */
export function openActions(state: BrowserState, view: ViewState): Step {
  if (actionsOf(state, view).length === 0) {
    const why = state.env.hasApi
      ? 'the spec has no custom verb (:stop, :restart) for this item'
      : 'actions need the api';
    return update(state, { ...view, message: `nothing to do here: ${why}` });
  }
  return update(state, { ...view, pick: 0, returnTo: baseMode(view), mode: 'actions' });
}

/** Enter on an action: asks first, on the status line. */
export function confirmAction(state: BrowserState, view: ViewState): Step {
  const action = actionsOf(state, view)[view.pick];
  if (!action) return update(state, { ...view, mode: view.returnTo });
  const label = itemLabel(focusItem(view)) ?? 'this item';
  const what = `${action.verb} ${label}`;
  return update(state, {
    ...view,
    mode: 'confirm',
    question: {
      text: `${what}? (${action.call.operation.name})`,
      yes: { kind: 'call', call: action.call, what },
      back: view.returnTo,
    },
  });
}

/** The file name `e` suggests: the operation's name, as JSON. */
export function suggestedName(view: ViewState): string {
  return `${view.operation?.name ?? 'rows'}.json`;
}

/** `w`: auto-refresh on or off. */
export function toggleWatch(state: BrowserState, view: ViewState): Step {
  if (!view.call || !state.env.hasApi) {
    return update(state, {
      ...view,
      message: 'nothing to watch: auto-refresh needs rows fetched through the api',
    });
  }
  const watching = !view.watching;
  return update(
    state,
    { ...view, watching, message: watching ? 'auto-refresh on (w stops)' : 'auto-refresh off' },
    { type: 'watch', view: view.id, on: watching },
  );
}

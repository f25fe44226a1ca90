import type { Call } from '../../api/relations.js';
import { itemLabel } from '../item-label.js';
import { browserResult } from '../result.js';
import { serverFilter } from '../server-filter.js';
import { startCall } from './load.js';
import { detailValue, inDetail, topView } from './select.js';
import { freshId, same, update } from './step.js';
import type { BrowserState, Step, ViewState } from './types.js';
import { listView } from './view.js';

/** The breadcrumbs of a view: the trail below it, its own crumb, the row open in it. */
export function crumbsOf(state: BrowserState, view: ViewState): string[] {
  const depth = state.views.findIndex((v) => v.id === view.id);
  if (depth > 0 && view.single) return [...view.trail, itemLabel(view.single.value) ?? view.crumb ?? 'item'];
  const own = view.crumb ?? view.operation?.name ?? 'browse';
  // The item open: a row of the list, or the one value a call (getProject) answered with.
  const item = view.single ? view.single.value : inDetail(view) ? detailValue(view) : undefined;
  const label = item === undefined ? undefined : itemLabel(item);
  const row = item === undefined || (view.single && label === undefined) ? [] : [label ?? 'item'];
  return [...view.trail, own, ...row];
}

/** Opens a call as a new view on top, leaving `crumb` in the breadcrumbs; its first page loads. */
export function follow(state: BrowserState, call: Call, crumb: string): Step {
  if (!state.env.hasApi) return same(state);
  const below = topView(state);
  const [id, withId] = freshId(state);
  const view = listView(id, { trail: crumbsOf(state, below), crumb, call }, state.env);
  const pushed: BrowserState = { ...withId, views: [...withId.views, view] };
  return startCall(pushed, view, call, (load) => ({ kind: 'first', id: load }));
}

/** Closes the top view for the one below, which kept its state; nothing when it is the last. */
export function back(state: BrowserState): Step {
  const top = topView(state);
  if (state.views.length <= 1) return same(state);
  return {
    state: { ...state, views: state.views.slice(0, -1) },
    commands: [{ type: 'abort', view: top.id }],
  };
}

/** Leaves the browser with what the user picked: marked rows, else the row open in the detail view. */
export function leave(state: BrowserState): Step {
  const top = topView(state);
  const opened = top.mode === 'detail' ? detailValue(top) : undefined;
  return {
    state: { ...state, done: true },
    commands: [
      ...state.views.map((v) => ({ type: 'abort' as const, view: v.id })),
      { type: 'exit', value: browserResult(top.rows, top.marks, opened) },
    ],
  };
}

/** `S`: reloads from page 1 with the typed filter as the operation's search_filter. */
export function filterOnServer(state: BrowserState, view: ViewState): Step {
  const say = (message: string) => update(state, { ...view, message });
  if (!state.env.hasApi) return say('filtering on the server needs the api: browse(x, { api })');
  if (!view.call?.operation.list)
    return say('these rows did not come from a list call; nothing to filter on the server');
  const outcome = serverFilter(view.call, view.query, view.order?.key);
  if ('message' in outcome) return say(outcome.message);
  // The filter moves to the server: the view below must not keep filtering by it locally.
  const cleared = { ...view, query: '', queryBefore: '', cursor: 0, top: 0 };
  return follow(update(state, cleared).state, outcome.call, `${outcome.key}~"${outcome.value}"`);
}

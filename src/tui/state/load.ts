import type { Call } from '../../api/relations.js';
import { cellText, getPath } from '../../present/index.js';
import { firstPositionOfPage } from '../page-position.js';
import { chosenColumns, displayed, pageStarts } from './select.js';
import { freshId, moveCursor, same, update, withView } from './step.js';
import type { Answer, BrowserState, Step, ViewState } from './types.js';
import { withPage, withPages } from './view.js';

/** How long changed cells stay highlighted after a refresh, in ms. */
export const HIGHLIGHT_MS = 2000;

/** Fetches the page after the last loaded one, unless one is on its way or there is none. */
export function loadNext(state: BrowserState, view: ViewState, kind: 'page' | 'all'): Step {
  if (view.loading || !view.next) return same(state);
  const [id, next] = freshId(state);
  return update(
    next,
    { ...view, loading: { kind, id }, error: undefined },
    { type: 'fetch', view: view.id, load: id, fetch: view.next },
  );
}

/** Makes the view's call (again): its first page, a refresh, or an action. */
export function startCall(
  state: BrowserState,
  view: ViewState,
  call: Call,
  load: (id: number) => NonNullable<ViewState['loading']>,
): Step {
  const [id, next] = freshId(state);
  return update(
    next,
    { ...view, loading: load(id), error: undefined },
    { type: 'call', view: view.id, load: id, call },
  );
}

/** R: reloads what the view shows in place, as many pages as are loaded; cursor, filter, sort kept. */
export function refresh(state: BrowserState, view: ViewState): Step {
  if (view.loading) return same(state);
  if (!view.call)
    return update(state, { ...view, message: 'nothing to refresh: these rows were given, not fetched' });
  if (!state.env.hasApi)
    return update(state, { ...view, message: 'refreshing needs the api: browse(x, { api })' });
  const want = Math.max(1, view.pages.length);
  const call = view.call;
  return startCall(state, view, call, (id) => ({ kind: 'refresh', id, got: [], want }));
}

/** Puts the cursor on the page `n` asked for once it is loaded; fetches on while it is not. */
function settleJump(state: BrowserState, view: ViewState): Step {
  const target = view.pendingPage;
  if (target === undefined) return update(state, view);
  if (view.pages.length > target) {
    const position = firstPositionOfPage(displayed(view), pageStarts(view), target, view.order !== undefined);
    const moved = position >= 0 ? moveCursor(state, view, position) : view;
    const message =
      position >= 0 ? view.message : `no displayed rows on page ${view.pages[target]?.number ?? target + 1}`;
    return update(state, { ...moved, pendingPage: undefined, message });
  }
  if (!view.next) {
    const last = view.pages.length - 1;
    return settleJump(state, { ...view, pendingPage: last, message: 'that was the last page' });
  }
  return loadNext(state, view, 'page');
}

/** A stable key for a row across refreshes: its id when it has one, else its position. */
function rowKey(row: unknown, index: number): string {
  const id = getPath(row, 'id');
  return typeof id === 'string' || typeof id === 'number' ? `id:${id}` : `at:${index}`;
}

/** Where each old row index is among the new rows (by id), for marks and the open detail row. */
function remap(before: readonly unknown[], after: readonly unknown[]): (index: number) => number | undefined {
  const at = new Map<string, number>();
  for (const [i, row] of after.entries()) at.set(rowKey(row, i), i);
  return (index) => at.get(rowKey(before[index], index));
}

/** The cells whose text changed in a refresh (`row\u0000column`), and every cell of new rows. */
function changedCells(before: readonly unknown[], after: readonly unknown[], columns: readonly string[]) {
  const old = new Map<string, unknown>();
  for (const [i, row] of before.entries()) old.set(rowKey(row, i), row);
  const changed = new Set<string>();
  after.forEach((row, i) => {
    const key = rowKey(row, i);
    const was = old.get(key);
    for (const column of columns) {
      if (!old.has(key) || cellText(getPath(was, column)) !== cellText(getPath(row, column)))
        changed.add(`${i}\u0000${column}`);
    }
  });
  return changed;
}

/** A refresh has all its pages: swap them in, keep the user's place, light up what changed. */
function finishRefresh(state: BrowserState, view: ViewState, answers: readonly Answer[], load: number): Step {
  const last = answers.at(-1);
  if (last && 'value' in last) {
    return update(state, { ...view, loading: undefined, single: { value: last.value } });
  }
  const chunks = answers.filter((a): a is Exclude<Answer, { value: unknown }> => !('value' in a));
  const fresh = withPages(view, chunks, state.env);
  const map = remap(view.rows, fresh.rows);
  const marks = new Set<number>();
  for (const index of view.marks) {
    const moved = map(index);
    if (moved !== undefined) marks.add(moved);
  }
  const detailRow = view.detail.row === undefined ? undefined : (map(view.detail.row) ?? view.detail.row);
  const changed = changedCells(view.rows, fresh.rows, chosenColumns(view));
  const next: ViewState = {
    ...fresh,
    loading: undefined,
    marks,
    detail: { ...view.detail, row: detailRow },
    changed,
  };
  const settled = update(state, moveCursor(state, next, next.cursor));
  return changed.size === 0
    ? settled
    : { ...settled, commands: [{ type: 'later', event: { type: 'settled', view: view.id, load } }] };
}

/** An answer for the view's load: rows appended, a refresh completed, an action done. */
export function answered(state: BrowserState, viewId: number, load: number, answer: Answer): Step {
  const view = state.views.find((v) => v.id === viewId);
  const loading = view?.loading;
  if (!view || !loading || loading.id !== load) return same(state);
  switch (loading.kind) {
    case 'refresh': {
      const got = [...loading.got, answer];
      const more = !('value' in answer) && answer.next !== undefined && got.length < loading.want;
      if (!more) return finishRefresh(state, view, got, load);
      const [id, next] = freshId(state);
      return update(
        next,
        { ...view, loading: { ...loading, id, got } },
        {
          type: 'fetch',
          view: view.id,
          load: id,
          fetch: (answer as { next: NonNullable<ViewState['next']> }).next,
        },
      );
    }
    case 'action': {
      const done = { ...view, loading: undefined, message: `${loading.what}: done` };
      const step = refresh(withView(state, done), done);
      return step;
    }
    default: {
      if ('value' in answer) {
        // A call that answered with one value rather than rows: shown as a JSON tree.
        return update(state, {
          ...view,
          loading: undefined,
          next: undefined,
          single: { value: answer.value },
          mode: 'detail',
          returnTo: 'detail',
        });
      }
      const grown = { ...withPage(view, answer, state.env), loading: undefined };
      if (loading.kind === 'all' && grown.next) return loadNext(withView(state, grown), grown, 'all');
      return settleJump(state, grown);
    }
  }
}

/** A load failed (or was stopped, `message` undefined): rows stay, the line says why. */
export function failed(state: BrowserState, viewId: number, load: number, message: string | undefined): Step {
  const view = state.views.find((v) => v.id === viewId);
  const loading = view?.loading;
  if (!view || !loading || loading.id !== load) return same(state);
  if (loading.kind === 'action')
    return update(state, {
      ...view,
      loading: undefined,
      message: `${loading.what} failed: ${message ?? 'stopped'}`,
    });
  return update(state, { ...view, loading: undefined, pendingPage: undefined, error: message });
}

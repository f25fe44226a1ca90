import { firstPositionOfPage } from '../page-position.js';
import type { Keypress } from './keypress.js';
import { loadNext, refresh, startCall } from './load.js';
import { back, filterOnServer } from './navigate.js';
import { openActions, openCode, openDetail, openRelated, toggleWatch } from './open.js';
import {
  bodyHeight,
  cursorOf,
  cursorPage,
  cursorRow,
  displayed,
  fittedColumns,
  pageStarts,
} from './select.js';
import { moveCursor, same, update } from './step.js';
import type { BrowserState, Step, ViewState } from './types.js';

/** Moves in the table; reaching the last loaded row asks for the next page. */
function tableMove(state: BrowserState, view: ViewState, key: Keypress): Step | undefined {
  const cursor = cursorOf(view);
  const total = displayed(view).length;
  const height = bodyHeight(state);
  let target: number | undefined;
  let scroll = 0;
  switch (key.name) {
    case 'up':
      target = cursor - 1;
      break;
    case 'down':
      target = cursor + 1;
      break;
    case 'pageUp':
      target = cursor - height;
      scroll = -height;
      break;
    case 'pageDown':
      target = cursor + height;
      scroll = height;
      break;
    case 'home':
      target = 0;
      break;
    case 'end':
      target = total - 1;
      break;
    default:
      return undefined;
  }
  const moved = moveCursor(state, view, target, scroll);
  const atEnd = target >= total - 1 && !view.error;
  return atEnd ? loadNext(update(state, moved).state, moved, 'page') : update(state, moved);
}

/** n / p: the first row of the next or previous page, fetching it when it is not loaded yet. */
function pageJump(state: BrowserState, view: ViewState, delta: 1 | -1): Step {
  // A jump still on its way counts: n n n while pages load goes three pages on.
  const current = view.pendingPage ?? cursorPage(view);
  const target = current + delta;
  if (target < 0) return update(state, { ...view, message: 'already on the first page' });
  if (target < view.pages.length) {
    const position = firstPositionOfPage(displayed(view), pageStarts(view), target, view.order !== undefined);
    if (position >= 0) return update(state, { ...moveCursor(state, view, position), pendingPage: undefined });
    return update(state, {
      ...view,
      message: `no displayed rows on page ${view.pages[target]?.number ?? target + 1}`,
    });
  }
  if (!view.next) {
    const settled = view.pendingPage === undefined ? view : { ...view, pendingPage: view.pages.length - 1 };
    return update(state, { ...settled, message: 'that was the last page' });
  }
  const waiting = { ...view, pendingPage: target };
  return loadNext(update(state, waiting).state, waiting, 'page');
}

/** a: every page; pressed while a page loads, the load goes on to the last. */
function loadAll(state: BrowserState, view: ViewState): Step {
  if (!view.next) return update(state, { ...view, message: 'all pages are loaded' });
  if (view.loading?.kind === 'page')
    return update(state, { ...view, loading: { ...view.loading, kind: 'all' } });
  return loadNext(state, view, 'all');
}

/** r: asks again for what failed: the first page (the call again) or the next one. */
function retry(state: BrowserState, view: ViewState): Step {
  if (!view.error || view.loading) return same(state);
  if (view.pages.length === 0 && !view.single && view.call) {
    const call = view.call;
    return startCall(state, view, call, (id) => ({ kind: 'first', id }));
  }
  return loadNext(state, view, 'page');
}

export function tableKeys(state: BrowserState, view: ViewState, key: Keypress): Step {
  const moved = tableMove(state, view, key);
  if (moved) return moved;
  if (key.name === 'escape') {
    if (view.loading?.kind === 'all')
      return update(state, { ...view, loading: undefined }, { type: 'abort', view: view.id });
    if (view.query) return update(state, { ...view, query: '', cursor: 0, top: 0 });
    return back(state);
  }
  const row = cursorRow(view);
  if (key.name === 'return') {
    if (row === undefined) return same(state);
    return update(state, openDetail(view, row));
  }
  switch (key.input) {
    case 'n':
      return pageJump(state, view, 1);
    case 'p':
      return pageJump(state, view, -1);
    case 'a':
      return loadAll(state, view);
    case 'r':
      return retry(state, view);
    case 'R':
      return refresh(state, view);
    case 'w':
      return toggleWatch(state, view);
    case ' ': {
      if (row === undefined) return same(state);
      const marks = new Set(view.marks);
      if (!marks.delete(row)) marks.add(row);
      return update(state, moveCursor(state, { ...view, marks }, cursorOf(view) + 1));
    }
    case '/':
      return update(state, { ...view, mode: 'filter', queryBefore: view.query });
    case 'e':
      return update(state, { ...view, mode: 'export', input: '' });
    case 's': {
      const at = fittedColumns(state, view).findIndex((c) => c.key === view.order?.key);
      return update(state, { ...view, mode: 'sort', pick: Math.max(0, at) });
    }
    case 'c':
      return update(state, { ...view, mode: 'columns', pick: 0 });
    case 'S':
      return filterOnServer(state, view);
    case 'x':
      return openCode(state, view);
    case ':':
      return openActions(state, view);
    case 'g': {
      if (row === undefined) return same(state);
      return openRelated(state, openDetail(view, row), true);
    }
  }
  return same(state);
}

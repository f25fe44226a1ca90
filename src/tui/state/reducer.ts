import type { Feed } from '../feed.js';
import { handleKey } from './keys.js';
import { answered, failed, refresh } from './load.js';
import { topView } from './select.js';
import { moveCursor, same, update } from './step.js';
import type { BrowserEnv, BrowserEvent, BrowserState, Step, ViewState } from './types.js';
import { listView, valueView } from './view.js';

/** The browser before the first key: one view of what `browse()` was given. */
export function initialState(
  env: BrowserEnv,
  feed: Feed,
  size: { columns: number; rows: number },
): BrowserState {
  const origin = { trail: [], crumb: env.title, call: feed.call };
  const view =
    feed.kind === 'value' ? valueView(0, origin, feed.value) : listView(0, origin, env, feed.first);
  return { env, views: [view], nextId: 1, columns: size.columns, rows: size.rows, done: false };
}

function viewById(state: BrowserState, id: number): ViewState | undefined {
  return state.views.find((v) => v.id === id);
}

/** The screen changed size: every view's scroll position is refitted. */
function resized(state: BrowserState, columns: number, rows: number): Step {
  const next = { ...state, columns, rows };
  return { state: { ...next, views: next.views.map((v) => moveCursor(next, v, v.cursor)) }, commands: [] };
}

/**
 * The browser: (state, event) -> (state, commands). Pure: what it needs from outside (pages,
 * files, the clipboard) it asks for as commands, and their outcomes come back as events.
 */
export function browserReducer(state: BrowserState, event: BrowserEvent): Step {
  if (state.done) return same(state);
  switch (event.type) {
    case 'key':
      return handleKey(state, event.key);
    case 'resize':
      return resized(state, event.columns, event.rows);
    case 'answered':
      return answered(state, event.view, event.load, event.answer);
    case 'failed':
      return failed(state, event.view, event.load, event.message);
    case 'said': {
      const view = viewById(state, event.view);
      return view ? update(state, { ...view, message: event.message }) : same(state);
    }
    case 'exists': {
      const view = viewById(state, event.view);
      if (!view) return same(state);
      const { path, items, columns } = event;
      return update(state, {
        ...view,
        message: undefined,
        question: {
          text: `${path} exists; replace it?`,
          yes: { kind: 'overwrite', path, items, columns },
          back: view.mode === 'confirm' ? 'table' : view.mode,
        },
        mode: 'confirm',
      });
    }
    case 'tick': {
      const view = viewById(state, event.view);
      // Only the view on screen refreshes, and not under a prompt or while it loads.
      if (!view?.watching || view !== topView(state) || view.loading) return same(state);
      if (view.mode !== 'table' && view.mode !== 'detail') return same(state);
      return refresh(state, view);
    }
    case 'settled': {
      const view = viewById(state, event.view);
      return view && view.changed.size > 0 ? update(state, { ...view, changed: new Set() }) : same(state);
    }
  }
}

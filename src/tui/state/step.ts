import { computeViewport } from '../viewport.js';
import { bodyHeight, displayed } from './select.js';
import type { BrowserState, Command, Step, ViewState } from './types.js';

/** A step that changes nothing. */
export function same(state: BrowserState): Step {
  return { state, commands: [] };
}

/** The state with `view` (found by id) replaced. */
export function withView(state: BrowserState, view: ViewState): BrowserState {
  return { ...state, views: state.views.map((v) => (v.id === view.id ? view : v)) };
}

/** A step that replaces `view` and runs `commands`. */
export function update(state: BrowserState, view: ViewState, ...commands: Command[]): Step {
  return { state: withView(state, view), commands };
}

/** A fresh id (views and loads share one counter). */
export function freshId(state: BrowserState): [number, BrowserState] {
  return [state.nextId, { ...state, nextId: state.nextId + 1 }];
}

/** Appends `more` commands to a step. */
export function also(step: Step, ...more: Command[]): Step {
  return { state: step.state, commands: [...step.commands, ...more] };
}

/** The table cursor put at `position`, scrolled as little as possible to keep it shown. */
export function moveCursor(state: BrowserState, view: ViewState, position: number, scroll = 0): ViewState {
  const total = displayed(view).length;
  const cursor = Math.max(0, Math.min(position, total - 1));
  const top = computeViewport(cursor, view.top + scroll, bodyHeight(state), total).start;
  return { ...view, cursor, top };
}

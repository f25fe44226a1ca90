import { browserReducer } from './state/reducer.js';
import type { BrowserEvent, BrowserState, Command } from './state/types.js';

/** The browser's state behind `dispatch`, for React to subscribe to. */
export interface BrowserStore {
  getState(): BrowserState;
  /** Steps through `events` in order; listeners hear once, after the last. */
  dispatch(...events: BrowserEvent[]): void;
  subscribe(listener: () => void): () => void;
}

/**
 * Holds the state and steps it through the reducer, one event at a time in arrival order:
 * events dispatched while one is handled (a command answering at once) wait their turn, so
 * every event sees the state the one before left. Listeners hear once per burst.
 * A throw (a bug, a value whose getter throws) goes to `onCrash`, never into ink's input loop.
 */
export function createBrowserStore(
  initial: BrowserState,
  perform: (command: Command) => void,
  onCrash: (error: unknown) => void,
): BrowserStore {
  let state = initial;
  const queue: BrowserEvent[] = [];
  const listeners = new Set<() => void>();
  let stepping = false;
  return {
    getState: () => state,
    dispatch(...events) {
      queue.push(...events);
      if (stepping) return;
      stepping = true;
      const before = state;
      try {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const step = browserReducer(state, next);
          state = step.state;
          for (const command of step.commands) perform(command);
        }
      } catch (error) {
        queue.length = 0;
        onCrash(error);
      } finally {
        stepping = false;
      }
      if (state !== before) for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

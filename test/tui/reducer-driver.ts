import { type Chunk, type Feed, toFeed } from '../../src/tui/feed.js';
import { type InkKey, type KeyName, type Keypress, keypressesOf } from '../../src/tui/state/keypress.js';
import { browserReducer, initialState } from '../../src/tui/state/reducer.js';
import { topView } from '../../src/tui/state/select.js';
import type { BrowserEnv, BrowserState, Command } from '../../src/tui/state/types.js';

const NAMED = new Set<string>([
  'up',
  'down',
  'left',
  'right',
  'pageUp',
  'pageDown',
  'home',
  'end',
  'return',
  'escape',
  'tab',
  'backspace',
  'delete',
]);

/** One key press: `key('n')`, `key('down')`, `key('ctrl+c')`. */
export function key(what: string): Keypress {
  if (NAMED.has(what)) return { input: '', name: what as KeyName };
  if (what.startsWith('ctrl+')) return { input: what.slice(5), ctrl: true };
  return { input: what };
}

/** Rows shaped like projects. */
export function rows(from: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({ id: `p${from + i}`, name: `project-${from + i}` }));
}

/** Page `number` of `pages` pages of `size` rows, each fetching the next, as a Page's chunk does. */
export function pageChunk(number: number, pages: number, size: number): Chunk {
  return {
    items: rows((number - 1) * size, size),
    number,
    operation: undefined,
    next: number < pages ? async () => pageChunk(number + 1, pages, size) : undefined,
  };
}

const NO_FLAGS: InkKey = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  tab: false,
  backspace: false,
  delete: false,
  ctrl: false,
  meta: false,
};

/** A list feed whose first page is page 1 of `pages`. */
export function pagedFeed(pages: number, size: number): Feed {
  return { kind: 'list', first: pageChunk(1, pages, size) };
}

const ENV: BrowserEnv = { spec: undefined, hasApi: false, baseUrl: '$CML_HOST', title: undefined };

/**
 * The reducer with nothing around it: keys go in, commands pile up, and `settle()` answers
 * the fetches in flight the way the command runner would. No React, no terminal.
 */
export function drive(source: unknown, env: Partial<BrowserEnv> = {}) {
  return driveFeed(toFeed(source), env);
}

/** `drive` over a feed made by hand (a first page with its operation and arguments). */
export function driveFeed(feed: Feed, env: Partial<BrowserEnv> = {}) {
  let state: BrowserState = initialState({ ...ENV, ...env }, feed, { columns: 100, rows: 24 });
  const queue: Command[] = [];
  const done: Command[] = [];
  const step = (event: Parameters<typeof browserReducer>[1]) => {
    const next = browserReducer(state, event);
    state = next.state;
    queue.push(...next.commands);
  };
  return {
    get state() {
      return state;
    },
    get view() {
      return topView(state);
    },
    /** Commands run so far (settled) and waiting. */
    commands: () => [...done, ...queue],
    press(...presses: (string | Keypress)[]) {
      for (const p of presses) step({ type: 'key', key: typeof p === 'string' ? key(p) : p });
    },
    /** Text as a paste arrives: one event from ink, split the way the browser's hook splits it. */
    paste(text: string) {
      for (const press of keypressesOf(text, NO_FLAGS)) step({ type: 'key', key: press });
    },
    /** Answers every fetch in flight (and those its answers start), until nothing is waiting. */
    async settle() {
      for (let command = queue.shift(); command; command = queue.shift()) {
        done.push(command);
        if (command.type === 'fetch') {
          const answer = await command.fetch(new AbortController().signal);
          step({ type: 'answered', view: command.view, load: command.load, answer });
        }
      }
    },
    dispatch: step,
  };
}

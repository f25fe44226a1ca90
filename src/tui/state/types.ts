import type { Call } from '../../api/relations.js';
import type { ApiSpec, Operation } from '../../spec/index.js';
import type { Chunk, FetchNext } from '../feed.js';
import type { Keypress } from './keypress.js';

/** What a view shows; overlays, prompts and pick lists are modes of their own. */
export type Mode =
  | 'table'
  | 'detail'
  | 'help'
  | 'columns'
  | 'sort'
  | 'filter'
  | 'export'
  | 'related'
  | 'actions'
  | 'confirm'
  | 'code';

/** The column the table is sorted by, and which way. */
export interface SortOrder {
  readonly key: string;
  readonly descending: boolean;
}

/** Where a loaded page starts among the rows, and its number (1 for the first). */
export interface PageMark {
  readonly number: number;
  readonly start: number;
}

/** What a view is waiting for, tagged with an id so an answer that comes too late is ignored. */
export type Load =
  | { readonly kind: 'first' | 'page' | 'all'; readonly id: number }
  /** Reloading the pages on screen in place (R, w): `got` so far, `want` in all. */
  | { readonly kind: 'refresh'; readonly id: number; readonly got: readonly Answer[]; readonly want: number }
  /** An action on the row (`:stop`), answered with a line for the status. */
  | { readonly kind: 'action'; readonly id: number; readonly what: string };

/** The JSON tree of the item in the detail view: folds, cursor and scroll. */
export interface DetailState {
  /** The row of `rows` shown; undefined for a view of one value. */
  readonly row: number | undefined;
  readonly folded: ReadonlySet<string>;
  readonly cursor: number;
  readonly top: number;
}

/** A question on the status line, answered with y (runs `yes`) or anything else (cancels). */
export interface Question {
  readonly text: string;
  /** What y does. */
  readonly yes: YesAction;
  /** The mode to go back to. */
  readonly back: Mode;
}

/** What a confirmed question does. */
export type YesAction =
  | {
      readonly kind: 'overwrite';
      readonly path: string;
      readonly items: readonly unknown[];
      readonly columns: readonly string[];
    }
  | { readonly kind: 'call'; readonly call: Call; readonly what: string };

/** One view of the browser's stack: its data and everything the user did to it. */
export interface ViewState {
  /** Unique per browser: the React key, so a reopened view starts fresh. */
  readonly id: number;
  /** The breadcrumbs of the views below, as they stood when this one was opened. */
  readonly trail: readonly string[];
  /** This view's own crumb (`jobs`, `name~"churn"`); undefined: the title or operation name. */
  readonly crumb: string | undefined;
  /** The call behind the view, when known: drill-down, `S`, a pending call, a Page's own. */
  readonly call: Call | undefined;

  // The data: immutable, replaced as pages arrive.
  readonly rows: readonly unknown[];
  readonly pages: readonly PageMark[];
  /** Fetches the page after the last loaded one; undefined on the last. */
  readonly next: FetchNext | undefined;
  readonly operation: Operation | undefined;
  /** Rows on the server in all, when the answers say (`total_count`). */
  readonly total: number | undefined;
  /** Set when the view shows one value rather than rows. */
  readonly single: { readonly value: unknown } | undefined;
  /** Columns the items offer (chooser order), and the ones shown before the user chooses. */
  readonly candidates: readonly string[];
  readonly defaults: readonly string[];

  readonly loading: Load | undefined;
  /** The last failure, as one line; cleared by the next load. */
  readonly error: string | undefined;

  readonly mode: Mode;
  /** The mode `?`, `x` or a pick list was opened from, to go back to. */
  readonly returnTo: Mode;
  /** Table cursor (a position among the displayed rows) and the first row on screen. */
  readonly cursor: number;
  readonly top: number;
  /** Marked rows, as indices into `rows`. */
  readonly marks: ReadonlySet<number>;
  /** The filter on loaded rows: free text, or `field=value`. Applied as it is typed. */
  readonly query: string;
  /** The query before `/` was pressed, for Esc in the prompt. */
  readonly queryBefore: string;
  readonly order: SortOrder | undefined;
  /** The columns the user chose; undefined: the defaults. */
  readonly picked: readonly string[] | undefined;
  /** Page (index into `pages`) that `n` asked for before it was loaded. */
  readonly pendingPage: number | undefined;
  readonly detail: DetailState;
  /** Cursor of the pick lists (sort, columns, related, actions). */
  readonly pick: number;
  /** The language the code overlay shows (index into CODE_TABS). */
  readonly codeTab: number;
  /** The export prompt's text. */
  readonly input: string;
  readonly question: Question | undefined;
  /** Status line text (copied, wrote, ...), cleared by the next key. */
  readonly message: string | undefined;
  /** Auto-refresh (`w`) is on. */
  readonly watching: boolean;
  /** Cells that changed in the last refresh (`row\u0000column`), shown highlighted for a moment. */
  readonly changed: ReadonlySet<string>;
}

/** What stays the same for the whole session. */
export interface BrowserEnv {
  readonly spec: ApiSpec | undefined;
  /** An api to call: drill-down, `S`, refresh and actions need it. */
  readonly hasApi: boolean;
  /** Base URL written into copied code. */
  readonly baseUrl: string;
  readonly title: string | undefined;
}

export interface BrowserState {
  readonly env: BrowserEnv;
  /** Bottom first; the last one is on screen and takes the keys. */
  readonly views: readonly ViewState[];
  readonly nextId: number;
  /** Terminal size in cells. */
  readonly columns: number;
  readonly rows: number;
  /** Set once the user has left: every later event is ignored. */
  readonly done: boolean;
}

/** Something that happened: a key, an answer, a resize, a timer. */
export type BrowserEvent =
  | { readonly type: 'key'; readonly key: Keypress }
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  | { readonly type: 'answered'; readonly view: number; readonly load: number; readonly answer: Answer }
  /** A load failed; `message` undefined when it was aborted. */
  | {
      readonly type: 'failed';
      readonly view: number;
      readonly load: number;
      readonly message: string | undefined;
    }
  /** The export prompt's target exists: ask before replacing it. */
  | {
      readonly type: 'exists';
      readonly view: number;
      readonly path: string;
      readonly items: readonly unknown[];
      readonly columns: readonly string[];
    }
  | { readonly type: 'said'; readonly view: number; readonly message: string }
  /** The auto-refresh timer of a view fired. */
  | { readonly type: 'tick'; readonly view: number }
  /** The highlight of changed cells is over. */
  | { readonly type: 'settled'; readonly view: number; readonly load: number };

/** An answer: a page of rows, or one value (a call that does not list). */
export type Answer = Chunk | { readonly value: unknown };

/** Something to do outside the reducer; its outcome comes back as an event. */
export type Command =
  | { readonly type: 'fetch'; readonly view: number; readonly load: number; readonly fetch: FetchNext }
  | { readonly type: 'call'; readonly view: number; readonly load: number; readonly call: Call }
  /** Aborts what the view has in flight and stops its timer. */
  | { readonly type: 'abort'; readonly view: number }
  | { readonly type: 'copy'; readonly view: number; readonly text: string; readonly what: string }
  | {
      readonly type: 'export';
      readonly view: number;
      readonly path: string;
      readonly items: readonly unknown[];
      readonly columns: readonly string[];
      readonly overwrite: boolean;
    }
  /** Starts (or stops) the view's auto-refresh timer. */
  | { readonly type: 'watch'; readonly view: number; readonly on: boolean }
  /** Dispatches `event` after a moment (the end of a highlight). */
  | { readonly type: 'later'; readonly event: BrowserEvent }
  | { readonly type: 'exit'; readonly value: unknown };

/** What the reducer returns: the next state and what to do. */
export interface Step {
  readonly state: BrowserState;
  readonly commands: readonly Command[];
}

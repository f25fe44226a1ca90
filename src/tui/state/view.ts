import type { Call } from '../../api/relations.js';
import type { Operation } from '../../spec/index.js';
import { candidateColumns, defaultColumns } from '../columns.js';
import type { Chunk } from '../feed.js';
import type { BrowserEnv, Mode, ViewState } from './types.js';

/** How a view was reached: the crumbs below it, its own, and the call behind it. */
export interface Origin {
  readonly trail: readonly string[];
  readonly crumb: string | undefined;
  readonly call: Call | undefined;
}

const EMPTY: ReadonlySet<never> = new Set();

function blank(id: number, origin: Origin, mode: Mode): ViewState {
  return {
    id,
    ...origin,
    rows: [],
    pages: [],
    next: undefined,
    operation: origin.call?.operation,
    total: undefined,
    single: undefined,
    candidates: [],
    defaults: [],
    loading: undefined,
    error: undefined,
    mode,
    returnTo: mode,
    cursor: 0,
    top: 0,
    marks: EMPTY,
    query: '',
    queryBefore: '',
    order: undefined,
    picked: undefined,
    pendingPage: undefined,
    detail: { row: undefined, folded: EMPTY, cursor: 0, top: 0 },
    pick: 0,
    codeTab: 0,
    input: '',
    question: undefined,
    message: undefined,
    watching: false,
    changed: EMPTY,
  };
}

/** Columns from the item schema (or the rows), chosen once the first rows are known. */
function withColumns(view: ViewState, env: BrowserEnv): ViewState {
  if (view.candidates.length > 0 && view.rows.length > 0) return view;
  const model = view.operation?.list?.itemModel;
  const schema = model ? env.spec?.definitions[model] : undefined;
  const all = candidateColumns(schema, env.spec?.definitions ?? {}, view.rows);
  const defaults = defaultColumns(all, view.rows);
  return { ...view, defaults, candidates: [...defaults, ...all.filter((key) => !defaults.includes(key))] };
}

/** A view of rows; without a first page it waits for one (`loading` is set by the caller). */
export function listView(id: number, origin: Origin, env: BrowserEnv, first?: Chunk): ViewState {
  const view = blank(id, origin, 'table');
  return first ? withPage(view, first, env) : view;
}

/** A view of one value, shown as a JSON tree. */
export function valueView(id: number, origin: Origin, value: unknown): ViewState {
  return { ...blank(id, origin, 'detail'), single: { value } };
}

/** The call a Page was fetched with, for code (`x`), drill-down and refresh. */
function callOf(operation: Operation | undefined, args: Chunk['args']): Call | undefined {
  return operation && args ? { operation, args } : undefined;
}

/** The view with one more page of rows appended (a new array: state is never changed in place). */
export function withPage(view: ViewState, chunk: Chunk, env: BrowserEnv): ViewState {
  const rows = chunk.items.length === 0 ? view.rows : view.rows.concat(chunk.items);
  const operation = view.operation ?? chunk.operation;
  return withColumns(
    {
      ...view,
      rows,
      pages: [...view.pages, { number: chunk.number, start: view.rows.length }],
      next: chunk.next,
      operation,
      call: view.call ?? callOf(chunk.operation, chunk.args),
      total: chunk.total ?? view.total,
    },
    env,
  );
}

/** The view with its pages replaced by freshly fetched ones (refresh), all else kept. */
export function withPages(view: ViewState, chunks: readonly Chunk[], env: BrowserEnv): ViewState {
  const empty: ViewState = { ...view, rows: [], pages: [], next: undefined };
  return chunks.reduce((acc, chunk) => withPage(acc, chunk, env), empty);
}

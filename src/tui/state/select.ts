import { type Reference, type Relations, relationsOf } from '../../api/relations.js';
import { type FittedColumns, fitColumns, measureColumns } from '../columns.js';
import { flattenTree, type TreeLine } from '../json-tree.js';
import { pageIndexOf } from '../page-position.js';
import { type RelatedItem, relatedItems } from '../related-items.js';
import { clampCursor, computeViewport, type Viewport } from '../viewport.js';
import { type ItemAction, itemActions } from './actions.js';
import { filterRows } from './filter.js';
import { memoLast, memoPer } from './memo.js';
import { sortIndices } from './sort.js';
import type { BrowserState, PageMark, SortOrder, ViewState } from './types.js';

/** Lines around the table body: header, column header, two status lines, and one spare. */
const CHROME = 5;
/** How many rows column widths are measured on: enough to be typical, cheap at any size. */
const SAMPLE = 200;

/** The view on screen. */
export function topView(state: BrowserState): ViewState {
  const view = state.views.at(-1);
  if (!view) throw new Error('the browser has no view');
  return view;
}

/** Rows of the table body (PgUp/PgDn move by this much). */
export function bodyHeight(state: BrowserState): number {
  return Math.max(3, state.rows - CHROME);
}

// Filtering and sorting go over every loaded row: done once per rows array, query and order;
// a cursor move finds the answer again, whatever other view or browser asked in between.
const shown = memoPer((rows: readonly unknown[], query: string, order: SortOrder | undefined) => {
  const matching = filterRows(rows, query);
  return order ? sortIndices(rows, matching, order) : matching;
});

/** The displayed rows, as indices into `view.rows`: filtered, then sorted. */
export function displayed(view: ViewState): readonly number[] {
  return shown(view.rows, view.query, view.order);
}

/** The table cursor, kept inside the displayed rows. */
export function cursorOf(view: ViewState): number {
  return clampCursor(view.cursor, displayed(view).length);
}

/** The row (index into `rows`) under the table cursor. */
export function cursorRow(view: ViewState): number | undefined {
  return displayed(view)[cursorOf(view)];
}

export function tableViewport(state: BrowserState, view: ViewState): Viewport {
  return computeViewport(cursorOf(view), view.top, bodyHeight(state), displayed(view).length);
}

/** The loaded page (index into `pages`) the cursor is on; the last page when nothing is shown. */
export function cursorPage(view: ViewState): number {
  const row = cursorRow(view);
  return row === undefined ? view.pages.length - 1 : pageIndexOf(pageStarts(view), row);
}

// Remembered per pages array: 100,000 rows in pages of 100 are a thousand pages, and the
// header asks which one the cursor is on at every frame.
const starts = memoPer((pages: readonly PageMark[]) => pages.map((p) => p.start));

/** Where each loaded page starts among the rows. */
export function pageStarts(view: ViewState): readonly number[] {
  return starts(view.pages);
}

/** The columns chosen, in display order. */
export function chosenColumns(view: ViewState): readonly string[] {
  return view.picked ?? view.defaults;
}

const sampled = memoPer((rows: readonly unknown[], keys: readonly string[]) =>
  measureColumns(keys, rows.slice(0, SAMPLE)),
);

/** The chosen columns that fit the terminal, measured on the first rows and the ones on screen. */
export function fittedColumns(state: BrowserState, view: ViewState): FittedColumns {
  const keys = chosenColumns(view);
  const { start, end } = tableViewport(state, view);
  const order = displayed(view);
  const visible: unknown[] = [];
  for (let p = start; p < end; p++) visible.push(view.rows[order[p] ?? 0]);
  // The rows on screen count too, so later, longer values (p99999) are not cut.
  const onScreen = measureColumns(keys, visible);
  const natural = sampled(view.rows, keys).map((w, i) => Math.max(w, onScreen[i] ?? 0));
  return fitted(keys, natural.join(','), state.columns);
}

const fitted = memoPer((keys: readonly string[], natural: string, width: number) =>
  fitColumns(keys, natural.split(',').map(Number), width),
);

/** The item the detail view shows: the view's one value, or the opened row. */
export function detailValue(view: ViewState): unknown {
  if (view.single) return view.single.value;
  return view.detail.row === undefined ? undefined : view.rows[view.detail.row];
}

const tree = memoLast((value: unknown, folded: ReadonlySet<string>) => flattenTree(value, folded));

export function detailLines(view: ViewState): readonly TreeLine[] {
  return tree(detailValue(view), view.detail.folded);
}

export function detailCursor(view: ViewState): number {
  return clampCursor(view.detail.cursor, detailLines(view).length);
}

export function detailViewport(state: BrowserState, view: ViewState): Viewport {
  return computeViewport(
    detailCursor(view),
    view.detail.top,
    bodyHeight(state) + 1,
    detailLines(view).length,
  );
}

/** The mode under an overlay (help, code, a question). */
export function baseMode(view: ViewState): ViewState['mode'] {
  const { mode } = view;
  if (mode === 'confirm') return view.question?.back ?? 'table';
  return mode === 'help' || mode === 'code' || mode === 'actions' ? view.returnTo : mode;
}

/** True when the view looks at one item: its own value, or a row opened in the detail view. */
export function inDetail(view: ViewState): boolean {
  const base = baseMode(view);
  return base === 'detail' || base === 'related' || (base === 'table' && view.single !== undefined);
}

/** The item relations are computed for: the one in the detail view, else the row under the cursor. */
export function focusItem(view: ViewState): unknown {
  if (inDetail(view)) return detailValue(view);
  const row = cursorRow(view);
  return row === undefined ? undefined : view.rows[row];
}

const relate = memoLast((spec: BrowserState['env']['spec'], item: unknown, call: ViewState['call']) =>
  spec && item !== undefined ? relationsOf(spec, item, call ?? {}) : undefined,
);

/**
 * Where the focused item leads: its own GET, the resources it names, the collections under
 * it. Undefined without a spec. Following them (related, references, actions) needs the api.
 */
export function relationsOfView(state: BrowserState, view: ViewState): Relations | undefined {
  return relate(state.env.spec, focusItem(view), view.call);
}

/** The relations the user can follow: none without an api to call. */
function followable(state: BrowserState, view: ViewState): Relations | undefined {
  return state.env.hasApi ? relationsOfView(state, view) : undefined;
}

const related = memoLast((relations: Relations | undefined) => relatedItems(relations));

export function relatedOf(state: BrowserState, view: ViewState): readonly RelatedItem[] {
  return related(followable(state, view));
}

export function referencesOf(state: BrowserState, view: ViewState): readonly Reference[] {
  return followable(state, view)?.references ?? [];
}

const actions = memoLast((spec: BrowserState['env']['spec'], relations: Relations | undefined) =>
  spec && relations?.self ? itemActions(spec, relations.self) : [],
);

/** What can be done to the focused item (`:stop`, `:restart`), from the spec's custom verbs. */
export function actionsOf(state: BrowserState, view: ViewState): readonly ItemAction[] {
  return actions(state.env.spec, followable(state, view));
}

/** The call written as code by `x`: the item's own GET in the detail view, else the list call. */
export function codeCall(state: BrowserState, view: ViewState): ViewState['call'] {
  if (inDetail(view) && !view.single) return relationsOfView(state, view)?.self ?? view.call;
  return view.call;
}

import type { Body } from './components/ScreenBody.js';
import type { TableRow } from './components/Table.js';
import { codeOf } from './state/code.js';
import {
  actionsOf,
  baseMode,
  chosenColumns,
  cursorOf,
  detailCursor,
  detailLines,
  detailViewport,
  displayed,
  fittedColumns,
  referencesOf,
  relatedOf,
  tableViewport,
} from './state/select.js';
import type { BrowserState, ViewState } from './state/types.js';

function tableBody(state: BrowserState, view: ViewState): Body {
  const order = displayed(view);
  const { start, end } = tableViewport(state, view);
  const cursor = cursorOf(view);
  const columns = fittedColumns(state, view);
  const rows: TableRow[] = [];
  for (let p = start; p < end; p++) {
    const index = order[p] ?? 0;
    const changed = new Set(
      columns.filter((c) => view.changed.has(`${index}\u0000${c.key}`)).map((c) => c.key),
    );
    rows.push({
      index,
      item: view.rows[index],
      marked: view.marks.has(index),
      selected: p === cursor,
      changed,
    });
  }
  const emptyText = view.loading ? 'loading…' : view.query ? 'no loaded rows match' : 'no rows';
  return { kind: 'table', columns, rows, sort: view.order, emptyText };
}

/** What the body shows for the view's mode; overlays and the confirm line keep what is under them. */
export function bodyOf(state: BrowserState, view: ViewState): Body {
  const mode = view.mode === 'confirm' ? baseMode(view) : view.mode;

  switch (mode) {
    case 'help':
      return { kind: 'help' };
    case 'code':
      return { kind: 'code', code: codeOf(state, view), tab: view.codeTab };
    case 'related':
      return {
        kind: 'pick',
        title: 'Related — Enter opens',
        items: relatedOf(state, view).map((item) => ({ label: item.label })),
        cursor: view.pick,
        hint: '→ a resource this item names · ▤ a collection beneath it · Esc back',
      };
    case 'actions':
      return {
        kind: 'pick',
        title: 'Actions — Enter asks, then runs',
        items: actionsOf(state, view).map((a) => ({ label: `${a.verb}  (${a.call.operation.name})` })),
        cursor: view.pick,
        hint: 'from the spec’s custom verbs · Esc back',
      };
    case 'sort':
    case 'columns': {
      const sorting = mode === 'sort';
      const chosen = chosenColumns(view);
      const keys = sorting ? fittedColumns(state, view).map((c) => c.key) : view.candidates;
      return {
        kind: 'pick',
        title: sorting ? 'Sort by' : 'Columns',
        items: keys.map((key) => ({
          label: key || 'value',
          checked: sorting ? undefined : chosen.includes(key),
        })),
        cursor: view.pick,
        hint: sorting
          ? 'Enter sorts (again: descending, then off) · Esc cancels'
          : 'Space toggles · Esc closes',
      };
    }
  }
  if (mode === 'detail' || view.single) {
    const links = new Map(referencesOf(state, view).map((ref) => [ref.field, ref.call.operation.name]));
    return {
      kind: 'detail',
      lines: detailLines(view),
      cursor: detailCursor(view),
      viewport: detailViewport(state, view),
      links,
    };
  }
  return tableBody(state, view);
}

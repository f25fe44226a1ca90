import type { BrowserModel } from '../browser-model.js';
import { CodeOverlay } from './CodeOverlay.js';
import { DetailView } from './DetailView.js';
import { HelpOverlay } from './HelpOverlay.js';
import { PickList } from './PickList.js';
import { Table, type TableRow } from './Table.js';

export interface ScreenBodyProps {
  readonly model: BrowserModel;
  /** Lines for table rows; overlays get one more (no column header). */
  readonly height: number;
  readonly width: number;
  /** Top-level fields of the detail item that open another resource, with the operation. */
  readonly links: ReadonlyMap<string, string>;
  readonly onTableRows: ((count: number) => void) | undefined;
}

/** What fills the screen between header and status lines, by mode: table, tree, overlay or list. */
export function ScreenBody({ model, height, width, links, onTableRows }: ScreenBodyProps) {
  const { mode, detail, columns, pager, selection, view, filter, sort } = model;
  if (mode === 'help') return <HelpOverlay height={height + 1} />;
  if (mode === 'code')
    return <CodeOverlay code={model.code} tab={model.codeTab} height={height + 1} width={width} />;
  if (mode === 'detail') {
    return (
      <DetailView
        lines={detail.lines}
        cursor={detail.cursor}
        viewport={detail.viewport}
        height={height + 1}
        links={links}
      />
    );
  }
  if (mode === 'related') {
    return (
      <PickList
        title="Related — Enter opens"
        items={model.related.map((item) => ({ label: item.label }))}
        cursor={model.pickCursor}
        height={height + 1}
        hint="→ a resource this item names · ▤ a collection beneath it · Esc back"
      />
    );
  }
  if (mode === 'sort' || mode === 'columns') {
    const sorting = mode === 'sort';
    const keys = sorting ? columns.fitted.map((c) => c.key) : columns.candidates;
    return (
      <PickList
        title={sorting ? 'Sort by' : 'Columns'}
        items={keys.map((key) => ({
          label: key || 'value',
          checked: sorting ? undefined : columns.chosen.includes(key),
        }))}
        cursor={model.pickCursor}
        height={height + 1}
        hint={
          sorting ? 'Enter sorts (again: descending, then off) · Esc cancels' : 'Space toggles · Esc closes'
        }
      />
    );
  }
  const rows: TableRow[] = [];
  for (let p = selection.viewport.start; p < selection.viewport.end; p++) {
    const index = view[p] ?? 0;
    rows.push({
      index,
      item: pager.rows[index],
      marked: selection.marks.has(index),
      selected: p === selection.cursor,
    });
  }
  onTableRows?.(rows.length);
  const emptyText = pager.loading ? 'loading…' : filter.query ? 'no loaded rows match' : 'no rows';
  return (
    <Table columns={columns.fitted} rows={rows} sort={sort.order} height={height} emptyText={emptyText} />
  );
}

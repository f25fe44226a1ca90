import { Box, Text } from 'ink';
import { columnTitle, type FittedColumn, fitText, MARK_WIDTH } from '../columns.js';
import { cellText, getPath } from '../get-path.js';
import type { SortOrder } from '../state/types.js';

/** One row as the table draws it. */
export interface TableRow {
  /** Index into all loaded rows: a stable React key. */
  readonly index: number;
  readonly item: unknown;
  readonly marked: boolean;
  readonly selected: boolean;
  /** Columns whose cell changed in the last refresh: drawn highlighted for a moment. */
  readonly changed?: ReadonlySet<string> | undefined;
}

export interface TableProps {
  readonly columns: readonly FittedColumn[];
  /** Only the rows on screen: the table never sees the rest. */
  readonly rows: readonly TableRow[];
  readonly sort: SortOrder | undefined;
  /** Lines for rows, the column header not counted. */
  readonly height: number;
  readonly emptyText: string;
}

function headerText(columns: readonly FittedColumn[], sort: SortOrder | undefined): string {
  const cells = columns.map((column) => {
    const arrow = sort?.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : '';
    return fitText(columnTitle(column.key) + arrow, column.width);
  });
  return ' '.repeat(MARK_WIDTH) + cells.join(' ');
}

function rowText(row: TableRow, columns: readonly FittedColumn[]): string {
  const cells = columns.map((column) => fitText(cellText(getPath(row.item, column.key)), column.width));
  return (row.marked ? '* ' : '  ') + cells.join(' ');
}

/** A row with changed cells: each cell its own Text, the changed ones highlighted. */
function changedRow(row: TableRow, columns: readonly FittedColumn[], changed: ReadonlySet<string>) {
  return [
    row.marked ? '* ' : '  ',
    ...columns.map((column, i) => (
      <Text
        key={column.key}
        {...(changed.has(column.key) ? { backgroundColor: 'green', color: 'black' } : {})}
      >
        {fitText(cellText(getPath(row.item, column.key)), column.width)}
        {i < columns.length - 1 ? ' ' : ''}
      </Text>
    )),
  ];
}

/** The rows on screen under a column header; the selected row is drawn inverse. */
export function Table({ columns, rows, sort, height, emptyText }: TableProps) {
  return (
    <Box flexDirection="column" height={height + 1}>
      <Text bold wrap="truncate">
        {headerText(columns, sort)}
      </Text>
      {rows.length === 0 ? <Text dimColor>{emptyText}</Text> : null}
      {rows.map((row) => (
        <Text
          key={row.index}
          inverse={row.selected}
          {...(row.marked ? { color: 'yellow' } : {})}
          wrap="truncate"
        >
          {row.changed?.size ? changedRow(row, columns, row.changed) : rowText(row, columns)}
        </Text>
      ))}
    </Box>
  );
}

import { Box, Text } from 'ink';
import { colourEnabled, columnText, OUTCOME_COLOUR, outcomeOf } from '../../present/index.js';
import { COLUMN_GAP, type FittedColumn, type FittedColumns, fitText, MARK_WIDTH } from '../columns.js';
import { getPath } from '../get-path.js';
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
  readonly columns: FittedColumns;
  /** Only the rows on screen: the table never sees the rest. */
  readonly rows: readonly TableRow[];
  readonly sort: SortOrder | undefined;
  /** Lines for rows, the column header not counted. */
  readonly height: number;
  readonly emptyText: string;
}

const GAP = ' '.repeat(COLUMN_GAP);

function headerText(columns: FittedColumns, sort: SortOrder | undefined): string {
  const cells = columns.map((column) => {
    const arrow = sort?.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : '';
    return fitText(column.title + arrow, column.width);
  });
  // What a narrow terminal left out, where the line has room (c chooses columns).
  const hidden = columns.hidden?.length ? `${GAP}+${columns.hidden.length} hidden (c)` : '';
  return ' '.repeat(MARK_WIDTH) + cells.join(GAP) + hidden;
}

/**
 * One row's cells: states coloured by outcome (not when NO_COLOR says so), cells changed
 * in the last refresh highlighted for a moment.
 */
function RowCells({ row, columns, now }: { row: TableRow; columns: readonly FittedColumn[]; now: number }) {
  const colour = colourEnabled({ isTTY: true });
  return (
    <>
      {columns.map((column, i) => {
        const text =
          fitText(columnText(column, row.item, now), column.width) + (i < columns.length - 1 ? GAP : '');
        if (row.changed?.has(column.key)) {
          return (
            <Text key={column.key} backgroundColor="green" color="black">
              {text}
            </Text>
          );
        }
        const outcome =
          column.kind === 'state' && colour && !row.selected
            ? outcomeOf(getPath(row.item, column.key))
            : undefined;
        return outcome ? (
          <Text key={column.key} color={OUTCOME_COLOUR[outcome]}>
            {text}
          </Text>
        ) : (
          text
        );
      })}
    </>
  );
}

/** The rows on screen under a column header; the selected row is drawn inverse. */
export function Table({ columns, rows, sort, height, emptyText }: TableProps) {
  const now = Date.now();
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
          {row.marked ? '* ' : '  '}
          <RowCells row={row} columns={columns} now={now} />
        </Text>
      ))}
    </Box>
  );
}

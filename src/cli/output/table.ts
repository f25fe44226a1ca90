import {
  cellText,
  colourEnabled,
  displayWidth,
  fitToWidth,
  headerLine,
  hiddenNote,
  type ItemSchema,
  layoutFor,
  listColumns,
  type Palette,
  palette,
  rowLine,
  safeLine,
  type TableLayout,
} from '../../present/index.js';

/** Column layout chosen from the first rows; later rows are fitted to it. */
export interface CliTable {
  readonly layout: TableLayout;
  readonly palette: Palette;
}

/**
 * Picks the list's columns (the same ones the shell and the browser show, src/present) and
 * their widths from the first rows, fitted to the terminal's width.
 */
export function layoutTable(
  rows: readonly unknown[],
  terminalWidth: number | undefined,
  item: ItemSchema | undefined,
  stream?: { isTTY?: boolean },
): CliTable {
  const keys = listColumns(rows, item).defaults;
  return {
    layout: layoutFor(rows, keys, { width: terminalWidth ?? 160 }),
    palette: palette(colourEnabled(stream)),
  };
}

/** The header line. */
export function tableHeader(table: CliTable): string {
  return `${headerLine(table.layout, table.palette)}\n`;
}

/** One row, each cell cut or padded to its column, states coloured. */
export function tableRow(table: CliTable, row: unknown): string {
  return `${rowLine(table.layout, row, table.palette)}\n`;
}

/** The dim line after a narrow table naming the columns it left out; '' when none. */
export function tableNote(table: CliTable): string {
  const note = hiddenNote(table.layout.hidden);
  return note ? `${table.palette.dim(note)}\n` : '';
}

/** An object as a two-column key/value listing, values on one terminal-safe line each. */
export function keyValueTable(value: Record<string, unknown>): string {
  const keys = Object.keys(value).map(safeLine);
  const width = Math.max(0, ...keys.map(displayWidth));
  return Object.keys(value)
    .map((key, i) => `${fitToWidth(keys[i] ?? key, width)}  ${cellText(value[key])}\n`)
    .join('');
}

import { getPath } from './cell-text.js';
import { palette as makePalette, OUTCOME_COLOUR, outcomeOf, type Palette } from './colour.js';
import { cutToWidth } from './display-width.js';
import {
  columnText,
  fitCell,
  type LaidColumn,
  type LayoutOptions,
  layoutColumns,
  naturalWidths,
  type TableLayout,
} from './layout.js';

export interface TextTableOptions extends LayoutOptions {
  /** Cells to fit in (the terminal's columns); 120 when unknown. */
  readonly width?: number | undefined;
  readonly palette?: Palette | undefined;
  /** For relative timestamps; the clock by default. */
  readonly now?: number | undefined;
}

/** Lays out `keys` for `items` at a width: the layout every text table of the same listing shares. */
export function layoutFor(
  items: readonly unknown[],
  keys: readonly string[],
  options: TextTableOptions = {},
): TableLayout {
  const natural = naturalWidths(keys, items, options);
  return layoutColumns(keys, natural, Math.max(20, options.width ?? 120), options);
}

/** The header line of a text table (bold when coloured). */
export function headerLine(layout: TableLayout, palette: Palette = makePalette(false)): string {
  return palette.header(
    joinCells(
      layout.columns.map((c) => c.title),
      layout.columns,
    ),
  );
}

/** One item as a line of the table; states coloured by their outcome. */
export function rowLine(
  layout: TableLayout,
  item: unknown,
  palette: Palette = makePalette(false),
  now = Date.now(),
): string {
  const texts = layout.columns.map((column) => columnText(column, item, now));
  return joinCells(texts, layout.columns, (text, column) => {
    if (column.kind !== 'state' || !palette.enabled) return text;
    const outcome = outcomeOf(getPath(item, column.key));
    return outcome ? palette.colour(text, OUTCOME_COLOUR[outcome]) : text;
  });
}

/** A whole table: header and rows, fitted to the width. */
export function textTable(
  items: readonly unknown[],
  keys: readonly string[],
  options: TextTableOptions = {},
): {
  readonly text: string;
  readonly layout: TableLayout;
} {
  const layout = layoutFor(items, keys, options);
  const now = options.now ?? Date.now();
  const lines = [
    headerLine(layout, options.palette),
    ...items.map((item) => rowLine(layout, item, options.palette, now)),
  ];
  return { text: lines.join('\n'), layout };
}

function joinCells(
  texts: readonly string[],
  columns: readonly LaidColumn[],
  paint: (text: string, column: LaidColumn) => string = (text) => text,
): string {
  const last = columns.length - 1;
  return texts
    .map((text, i) => {
      const column = columns[i];
      if (!column) return '';
      // The last cell is not padded: no trailing spaces at the end of a line.
      const fitted = i === last ? cutToWidth(text, column.width) : fitCell(text, column.width);
      return paint(fitted, column);
    })
    .join('  ');
}

import {
  hiddenNote,
  type ItemSchema,
  listColumns,
  type Palette,
  type TableLayout,
  textTable,
} from '../present/index.js';

export interface TableOptions {
  /** Dotted field names to show; the list's own choice (src/present) when absent. */
  readonly columns?: readonly string[] | undefined;
  /** The items' schema, so the columns are the ones the browser and `call -o table` show. */
  readonly item?: ItemSchema | undefined;
  /** Total width to fit in (the terminal's columns); 120 when unknown. */
  readonly width?: number | undefined;
  readonly palette?: Palette | undefined;
  /** Keys never cut (`.ops` paths), as ids are not. */
  readonly whole?: readonly string[] | undefined;
  /** The layout of the previous page of the same listing: widths do not jump between pages. */
  readonly previous?: TableLayout | undefined;
}

/**
 * A list as a text table for the shell and `-e`, laid out by the shared presentation
 * module; `note` says which columns a narrow terminal left out. Empty text for no items.
 */
export function formatTable(
  items: readonly unknown[],
  options: TableOptions = {},
): { readonly text: string; readonly note: string | undefined; readonly layout: TableLayout | undefined } {
  if (!items.length) return { text: '', note: undefined, layout: undefined };
  const columns = options.columns ?? listColumns(items, options.item).defaults;
  const { text, layout } = textTable(items, columns, {
    width: options.width,
    palette: options.palette,
    whole: options.whole,
    previous: options.previous,
  });
  return { text, note: hiddenNote(layout.hidden), layout };
}

import {
  defaultsAmong,
  fitToWidth,
  type LaidColumn,
  layoutColumns,
  naturalWidths,
  MAX_COLUMN_WIDTH as PRESENT_MAX,
  candidateColumns as presentCandidates,
  columnTitle as presentTitle,
} from '../present/index.js';
import type { Schema } from '../spec/index.js';

/**
 * The browser's columns are the shared presentation module's (src/present): the same
 * choice, widths and cell text as the shell and `cmlsh call -o table`. This file only adds
 * what the browser draws besides: the mark in front of each row and the sort arrow.
 */

/** A column after fitting: the dotted key into the item and the width it gets on screen. */
export type FittedColumn = LaidColumn;

/** Fitted columns, and the titles of the chosen ones left out for want of room. */
export type FittedColumns = readonly FittedColumn[] & { readonly hidden?: readonly string[] };

export const MAX_COLUMN_WIDTH = PRESENT_MAX;
/** Room taken by the mark (`* `) in front of each row. */
export const MARK_WIDTH = 2;
/** Room each header keeps for the sort arrow. */
const ARROW_WIDTH = 2;
/** Cells between columns. */
export const COLUMN_GAP = 1;

/** Every column the items can show: leaf fields of the item schema, then fields seen in the rows. */
export function candidateColumns(
  schema: Schema | undefined,
  definitions: Readonly<Record<string, Schema>>,
  sample: readonly unknown[],
): string[] {
  return presentCandidates(sample, { schema, definitions });
}

/** The columns shown before the user chooses, as everywhere else (src/present listColumns). */
export function defaultColumns(candidates: readonly string[], sample: readonly unknown[] = []): string[] {
  return defaultsAmong(candidates, sample);
}

/** Header text of a column. */
export function columnTitle(key: string): string {
  return presentTitle(key);
}

/** How wide each column would like to be: its title (and sort arrow) or its widest cell. */
export function measureColumns(keys: readonly string[], sample: readonly unknown[]): number[] {
  return naturalWidths(keys, sample, { titleExtra: ARROW_WIDTH });
}

/**
 * Fits columns into `totalWidth` cells (the mark in front, a space between columns) by the
 * shared layout: ids whole, least important columns left out first (listed in `hidden`).
 */
export function fitColumns(
  keys: readonly string[],
  natural: readonly number[],
  totalWidth: number,
): FittedColumns {
  const layout = layoutColumns(keys, natural, totalWidth - MARK_WIDTH, {
    gap: COLUMN_GAP,
    titleExtra: ARROW_WIDTH,
  });
  return Object.assign([...layout.columns], { hidden: layout.hidden });
}

/** Cuts or pads text to exactly `width` cells, marking a cut with an ellipsis. */
export function fitText(text: string, width: number): string {
  return width <= 0 ? '' : fitToWidth(text, width);
}

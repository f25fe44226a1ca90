import { cellText, getPath } from './cell-text.js';
import { type ColumnKind, columnKind, columnRank, columnTitle } from './columns.js';
import { cutToWidth, displayWidth, fitToWidth } from './display-width.js';
import { isTimestamp, RELATIVE_WIDTH, relativeTime } from './relative-time.js';

/** Widest a text column grows to on its own; longer text is cut with "…" (ids never are). */
export const MAX_COLUMN_WIDTH = 40;
/** Narrowest a text column is cut to before lower-priority columns are dropped instead. */
const SOFT_MIN = 10;
/** How many items widths are measured on: enough to be typical, cheap at any size. */
const SAMPLE = 200;

/** A column as drawn: the key into the item, its header, its width in cells. */
export interface LaidColumn {
  readonly key: string;
  readonly title: string;
  readonly width: number;
  readonly kind: ColumnKind;
  /** Timestamps shown as "3h ago" because the full form did not fit. */
  readonly relative: boolean;
}

export interface TableLayout {
  readonly columns: readonly LaidColumn[];
  /** Titles of the asked-for columns left out for want of room, in display order. */
  readonly hidden: readonly string[];
}

export interface LayoutOptions {
  /** Cells between columns (2 in text tables, 1 in the browser). */
  readonly gap?: number | undefined;
  /** Extra cells each header wants (the browser's sort arrow). */
  readonly titleExtra?: number | undefined;
  /** Widths a column had before (the previous page of the same listing): it keeps at least them. */
  readonly previous?: TableLayout | undefined;
  /** Keys never cut, like ids (`.ops` paths). */
  readonly whole?: readonly string[] | undefined;
}

interface Want {
  readonly key: string;
  readonly title: string;
  readonly kind: ColumnKind;
  readonly rank: number;
  readonly whole: boolean;
  natural: number;
  relative: boolean;
  readonly relativeWidth: number;
}

/** How wide each column would like to be: its header or its widest cell among the sample. */
export function naturalWidths(
  keys: readonly string[],
  items: readonly unknown[],
  options: { titleExtra?: number | undefined; whole?: readonly string[] | undefined } = {},
): number[] {
  const sample = items.length > SAMPLE ? items.slice(0, SAMPLE) : items;
  return keys.map((key) => {
    const whole = columnKind(key) === 'id' || (options.whole?.includes(key) ?? false);
    let width = displayWidth(columnTitle(key)) + (options.titleExtra ?? 0);
    for (const item of sample) {
      const w = displayWidth(cellText(getPath(item, key)));
      if (w > width) width = w;
      if (!whole && width >= MAX_COLUMN_WIDTH) return MAX_COLUMN_WIDTH;
    }
    return width;
  });
}

/**
 * Fits columns into `width` cells, the one layout of every table: ids (and `whole` keys)
 * are never cut; when room is short, timestamps turn relative, long text is cut to ten
 * cells, then the least important columns are left out (named in `hidden`) until the rest
 * fit, and only then is text cut further. The first column always stays.
 */
export function layoutColumns(
  keys: readonly string[],
  natural: readonly number[],
  width: number,
  options: LayoutOptions = {},
): TableLayout {
  const gap = options.gap ?? 2;
  const extra = options.titleExtra ?? 0;
  const previous = new Map(options.previous?.columns.map((c) => [c.key, c]) ?? []);
  const wants: Want[] = keys.map((key, i) => {
    const kind = columnKind(key);
    const title = columnTitle(key);
    const titleWidth = displayWidth(title) + extra;
    const before = previous.get(key);
    return {
      key,
      title,
      kind,
      rank: columnRank(key),
      whole: kind === 'id' || (options.whole?.includes(key) ?? false),
      natural: Math.max(natural[i] ?? titleWidth, before && !before.relative ? before.width : 0),
      relative: false,
      relativeWidth: Math.max(titleWidth, RELATIVE_WIDTH),
    };
  });
  const shown = [...wants];
  const room = (cols: readonly Want[]) => width - gap * Math.max(0, cols.length - 1);
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const wantOf = (c: Want) => (c.relative ? Math.min(c.natural, c.relativeWidth) : c.natural);
  const minOf = (c: Want, floor: number) => {
    const titleWidth = displayWidth(c.title) + extra;
    return c.whole || c.kind === 'time' || c.kind === 'state'
      ? wantOf(c)
      : Math.min(wantOf(c), Math.max(floor, Math.min(titleWidth, 8)));
  };

  if (sum(shown.map(wantOf)) > room(shown)) {
    for (const c of shown) if (c.kind === 'time') c.relative = true;
  }
  // Leave out the least important (latest among equals) until the rest fit at their soft minimum.
  while (shown.length > 1 && sum(shown.map((c) => minOf(c, SOFT_MIN))) > room(shown)) {
    let drop = -1;
    for (let i = 1; i < shown.length; i++) {
      const c = shown[i];
      if (!c || (c.kind === 'id' && c.key === 'id')) continue;
      if (drop < 0 || c.rank >= (shown[drop]?.rank ?? 0)) drop = i;
    }
    if (drop < 0) break;
    shown.splice(drop, 1);
  }
  const floor = sum(shown.map((c) => minOf(c, SOFT_MIN))) <= room(shown) ? SOFT_MIN : 4;
  // The largest cap under which everything fits: the widest text columns are cut to it.
  const sizeAt = (cap: number) =>
    shown.map((c) => (c.whole ? wantOf(c) : Math.min(wantOf(c), Math.max(cap, minOf(c, floor)))));
  let low = 0;
  let high = Math.max(MAX_COLUMN_WIDTH, ...shown.map(wantOf));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sum(sizeAt(mid)) <= room(shown)) low = mid;
    else high = mid - 1;
  }
  const widths = sizeAt(low);
  return {
    columns: shown.map((c, i) => ({
      key: c.key,
      title: c.title,
      width: widths[i] ?? c.natural,
      kind: c.kind,
      relative: c.relative,
    })),
    hidden: wants.filter((c) => !shown.includes(c)).map((c) => c.title),
  };
}

/** The text of one cell of a laid-out column, before it is fitted to the width. */
export function columnText(column: LaidColumn, item: unknown, now: number): string {
  const value = getPath(item, column.key);
  if (column.relative && isTimestamp(value)) return relativeTime(value, now);
  return cellText(value);
}

/** A cell fitted to its column: cut with "…" or padded (ids are laid out to fit whole). */
export function fitCell(text: string, width: number): string {
  return fitToWidth(text, width);
}

/** "2 columns hidden: owner, created_at" — what a narrow table left out. */
export function hiddenNote(hidden: readonly string[]): string | undefined {
  if (!hidden.length) return undefined;
  const names = cutToWidth(hidden.join(', '), 60);
  return `${hidden.length} ${hidden.length === 1 ? 'column' : 'columns'} hidden (narrow terminal): ${names}`;
}

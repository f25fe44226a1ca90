/** Which rows are on screen: `start` (inclusive) to `end` (exclusive) of the current view. */
export interface Viewport {
  readonly start: number;
  readonly end: number;
}

/**
 * Scrolls as little as possible so the cursor stays visible: the previous top is kept
 * unless the cursor left the window. Constant time, whatever the number of rows.
 */
export function computeViewport(
  cursor: number,
  previousTop: number,
  height: number,
  total: number,
): Viewport {
  const rows = Math.max(1, height);
  let top = previousTop;
  if (cursor < top) top = cursor;
  if (cursor >= top + rows) top = cursor - rows + 1;
  top = Math.max(0, Math.min(top, total - rows));
  return { start: top, end: Math.min(total, top + rows) };
}

/** Keeps a cursor inside a list of `total` rows (0 when the list is empty). */
export function clampCursor(cursor: number, total: number): number {
  return Math.max(0, Math.min(cursor, total - 1));
}

import { useState } from 'react';
import { clampCursor, computeViewport, type Viewport } from '../viewport.js';

export interface SelectionState {
  /** Position of the cursor in the displayed (filtered, sorted) rows. */
  readonly cursor: number;
  readonly viewport: Viewport;
  /** Marked rows, by index into all loaded rows, so marks survive filtering and sorting. */
  readonly marks: ReadonlySet<number>;
  /** Moves by `delta` rows, kept inside the list. */
  move(delta: number): void;
  /** PgUp/PgDn: moves cursor and window together by `delta` rows. */
  page(delta: number): void;
  /** Puts the cursor at `position`. */
  moveTo(position: number): void;
  toggleMark(rowIndex: number): void;
}

/** Cursor, scroll position and marks of a list of `total` rows shown `height` at a time. */
export function useSelection(total: number, height: number): SelectionState {
  const [state, setState] = useState({ cursor: 0, top: 0 });
  const [marks, setMarks] = useState<ReadonlySet<number>>(() => new Set());
  const cursor = clampCursor(state.cursor, total);
  const viewport = computeViewport(cursor, state.top, height, total);
  const moveTo = (position: number) =>
    setState((s) => {
      const next = clampCursor(position, total);
      return { cursor: next, top: computeViewport(next, s.top, height, total).start };
    });
  return {
    cursor,
    viewport,
    marks,
    move: (delta) =>
      setState((s) => {
        const next = clampCursor(clampCursor(s.cursor, total) + delta, total);
        return { cursor: next, top: computeViewport(next, s.top, height, total).start };
      }),
    moveTo,
    page: (delta) =>
      setState((s) => {
        const next = clampCursor(clampCursor(s.cursor, total) + delta, total);
        return { cursor: next, top: computeViewport(next, s.top + delta, height, total).start };
      }),
    toggleMark: (rowIndex) =>
      setMarks((current) => {
        const next = new Set(current);
        if (!next.delete(rowIndex)) next.add(rowIndex);
        return next;
      }),
  };
}

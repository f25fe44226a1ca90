import { useCallback, useRef, useState } from 'react';
import type { ViewEntry } from '../view-entry.js';

export interface ViewStack {
  /** Bottom first; the last one is on screen. */
  readonly views: readonly ViewEntry[];
  /** Opens a view on top; the ones below keep their state (cursor, filter, folds). */
  push(entry: Omit<ViewEntry, 'id'>): void;
  /** Closes the top view; false when it is the only one. */
  pop(): boolean;
}

/** The stack of views drill-down walks through; Esc goes back one. */
export function useViewStack(root: Omit<ViewEntry, 'id'>): ViewStack {
  const nextId = useRef(1);
  const [views, setViews] = useState<readonly ViewEntry[]>(() => [{ ...root, id: 0 }]);
  const depth = useRef(1);
  depth.current = views.length;
  const push = useCallback((entry: Omit<ViewEntry, 'id'>) => {
    const id = nextId.current++;
    setViews((current) => [...current, { ...entry, id }]);
  }, []);
  const pop = useCallback(() => {
    if (depth.current <= 1) return false;
    depth.current -= 1;
    setViews((current) => (current.length > 1 ? current.slice(0, -1) : current));
    return true;
  }, []);
  return { views, push, pop };
}

import { useMemo, useState } from 'react';
import { flattenTree, type TreeLine } from '../json-tree.js';
import { clampCursor, computeViewport, type Viewport } from '../viewport.js';

export interface DetailState {
  readonly lines: readonly TreeLine[];
  readonly cursor: number;
  readonly viewport: Viewport;
  readonly current: TreeLine | undefined;
  move(delta: number): void;
  /** ←: folds an open node, else goes to the parent. */
  fold(): void;
  /** →: unfolds a folded node. */
  unfold(): void;
  /** Enter: folds or unfolds. */
  toggle(): void;
}

/** Fold state, cursor and scrolling of the JSON tree of one item. */
export function useDetail(value: unknown, height: number): DetailState {
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  const [state, setState] = useState({ cursor: 0, top: 0 });
  const lines = useMemo(() => flattenTree(value, folded), [value, folded]);
  const cursor = clampCursor(state.cursor, lines.length);
  const viewport = computeViewport(cursor, state.top, height, lines.length);
  const current = lines[cursor];
  const moveTo = (position: number) =>
    setState((s) => {
      const next = clampCursor(position, lines.length);
      return { cursor: next, top: computeViewport(next, s.top, height, lines.length).start };
    });
  const setFold = (id: string, fold: boolean) =>
    setFolded((set) => {
      const next = new Set(set);
      if (fold) next.add(id);
      else next.delete(id);
      return next;
    });
  const container = current !== undefined && current.size > 0;
  return {
    lines,
    cursor,
    viewport,
    current,
    move: (delta) => moveTo(cursor + delta),
    fold() {
      if (!current) return;
      if (container && !current.folded) return setFold(current.id, true);
      const parent = lines.findLastIndex((line, i) => i < cursor && line.depth < current.depth);
      if (parent >= 0) moveTo(parent);
    },
    unfold() {
      if (current && container && current.folded) setFold(current.id, false);
    },
    toggle() {
      if (current && container) setFold(current.id, !current.folded);
    },
  };
}

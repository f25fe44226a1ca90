import type { TreeLine } from '../json-tree.js';
import type { Viewport } from '../viewport.js';
import { JsonTree } from './JsonTree.js';

export interface DetailViewProps {
  readonly lines: readonly TreeLine[];
  readonly cursor: number;
  readonly viewport: Viewport;
  readonly height: number;
  /** Top-level fields that open another resource on Enter, with the operation they call. */
  readonly links?: ReadonlyMap<string, string> | undefined;
}

/** One item as a foldable JSON tree, scrolled to the cursor: only the visible lines are drawn. */
export function DetailView({ lines, cursor, viewport, height, links }: DetailViewProps) {
  return (
    <JsonTree
      lines={lines.slice(viewport.start, viewport.end)}
      selected={cursor - viewport.start}
      height={height}
      links={links}
    />
  );
}

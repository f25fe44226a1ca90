import { resolve } from 'node:path';
import { useCallback, useState } from 'react';
import { describeError } from '../../errors/index.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { formatFromPath, serialise } from '../export-format.js';

export interface ExportState {
  readonly busy: boolean;
  /** Writes `items` to `path` (relative to the export folder); resolves to a line for the status. */
  write(path: string, items: readonly unknown[], columns: readonly string[]): Promise<string>;
}

/** Writes rows to a file atomically, in the format its extension names (.json, .jsonl, .csv). */
export function useExport(exportDir: string | undefined): ExportState {
  const [busy, setBusy] = useState(false);
  const write = useCallback(
    async (path: string, items: readonly unknown[], columns: readonly string[]) => {
      const target = resolve(exportDir ?? process.cwd(), path);
      setBusy(true);
      try {
        await writeFileAtomic(target, serialise(items, formatFromPath(target), columns));
        return `wrote ${items.length} rows to ${target}`;
      } catch (error) {
        return `export failed: ${describeError(error)}`;
      } finally {
        setBusy(false);
      }
    },
    [exportDir],
  );
  return { busy, write };
}

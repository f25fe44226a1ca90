import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
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
      // No shell expands ~ in an ink prompt, so do it here as people expect.
      const expanded = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
      const target = resolve(exportDir ?? process.cwd(), expanded);
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

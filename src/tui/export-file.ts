import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeError } from '../errors/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { whatIsAt } from '../util/file-kind.js';
import { count } from './count.js';
import { formatFromPath, serialise } from './export-format.js';

/** What an export asks for: rows, the columns for CSV, and whether an existing file may go. */
export interface ExportRequest {
  readonly path: string;
  readonly items: readonly unknown[];
  readonly columns: readonly string[];
  readonly overwrite: boolean;
}

export type ExportOutcome =
  | { readonly kind: 'done'; readonly message: string }
  /** A regular file is there: ask before replacing it. */
  | { readonly kind: 'exists'; readonly path: string };

/**
 * Writes rows to a file atomically, in the format its extension names (.json, .jsonl, .csv),
 * relative to `dir`. An existing file is replaced only when asked (`overwrite`); a symlink,
 * FIFO, socket, device or folder never is.
 */
export async function writeExport(request: ExportRequest, dir: string | undefined): Promise<ExportOutcome> {
  const { path, items, columns } = request;
  // No shell expands ~ in an ink prompt, so do it here as people expect.
  const expanded = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  const target = resolve(dir ?? process.cwd(), expanded);
  try {
    const there = await whatIsAt(target);
    if (there !== 'none' && there !== 'file') {
      return { kind: 'done', message: `export refused: ${target} is ${there}; choose another file name` };
    }
    if (there === 'file' && !request.overwrite) return { kind: 'exists', path: target };
    await writeFileAtomic(target, serialise(items, formatFromPath(target), columns));
    return { kind: 'done', message: `wrote ${count(items.length, 'row')} to ${target}` };
  } catch (error) {
    return { kind: 'done', message: `export failed: ${describeError(error)}` };
  }
}

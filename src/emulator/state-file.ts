import { readFile } from 'node:fs/promises';
import { CmlUsageError } from '../errors/index.js';
import { writeFileAtomicSync } from '../util/atomic-write.js';
import type { Store, StoreSnapshot } from './store.js';

/**
 * Reads a state file; undefined when there is none.
 * @throws CmlUsageError, one line naming the file, when it cannot be read or is not ours.
 */
export async function loadState(path: string): Promise<StoreSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new CmlUsageError(`cannot read the state file ${path}: ${code ?? (error as Error).message}`);
  }
  let parsed: StoreSnapshot;
  try {
    parsed = JSON.parse(text) as StoreSnapshot;
  } catch {
    throw new CmlUsageError(`the state file ${path} is not JSON; give a new path or remove the file`);
  }
  if (parsed?.format !== 1 || !Array.isArray(parsed.collections)) {
    throw new CmlUsageError(
      `${path} is not an emulator state file (no "format": 1 and "collections"); give a new path`,
    );
  }
  return parsed;
}

/**
 * Writes the store to its file atomically (a temporary file renamed into place), so a
 * `kill -9` at any moment leaves either the previous state or the new one, never half.
 * The server saves before it answers a write, so whatever it acknowledged is on disk.
 */
export class StateSaver {
  private saved = -1;

  constructor(
    readonly path: string,
    private readonly store: Store,
  ) {}

  /** Writes when the store changed since the last save. @throws the write's error. */
  save(): void {
    if (this.store.version === this.saved) return;
    const text = JSON.stringify(this.store.snapshot());
    writeFileAtomicSync(this.path, text);
    this.saved = this.store.version;
  }
}

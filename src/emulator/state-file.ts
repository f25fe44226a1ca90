import { readFile } from 'node:fs/promises';
import { writeFileAtomic, writeFileAtomicSync } from '../util/atomic-write.js';
import type { Store, StoreSnapshot } from './store.js';

/** Reads a state file; undefined when there is none. @throws Error when it exists but is not ours. */
export async function loadState(path: string): Promise<StoreSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as StoreSnapshot;
  if (parsed?.format !== 1 || !Array.isArray(parsed.collections)) {
    throw new Error(`${path} is not an emulator state file`);
  }
  return parsed;
}

/**
 * Saves the store to a file after changes, at most once per `delayMs`, always atomically,
 * so a crash leaves the previous state rather than half a file.
 */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly store: Store,
    private readonly delayMs = 200,
  ) {}

  /** Notes a change; the save follows after the delay. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A failed background save is retried by the next change or by close(); never crash the server.
      this.pending = this.pending
        .then(() => writeFileAtomic(this.path, JSON.stringify(this.store.snapshot())))
        .catch(() => undefined);
    }, this.delayMs);
    this.timer.unref();
  }

  /** Cancels the timer and writes now. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.pending;
    writeFileAtomicSync(this.path, JSON.stringify(this.store.snapshot()));
  }
}

import { rmSync } from 'node:fs';

/**
 * Removes a test's folder (a HOME, a workspace) for good. A cmlsh that was just killed may
 * still be exiting, writing its code cache under HOME and making its folders again while
 * they are removed: the whole removal is tried again until nothing comes back.
 */
export function removeTree(dir: string): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      rmSync(dir, { recursive: true, force: true });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' || attempt === 20) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

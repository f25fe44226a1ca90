import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it into place, so a
 * reader or a crash never sees a torn file. Files are private (0600) unless told otherwise:
 * cmlsh writes caches, history and state that may describe a user's workspace.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = tempName(path);
  try {
    await writeFile(temp, data, { mode });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Synchronous twin of writeFileAtomic, for exit paths where no await is possible. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, mode = 0o600): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = tempName(path);
  try {
    writeFileSync(temp, data, { mode });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

let sequence = 0;

/**
 * Unique per process and write (pid + counter); no crypto needed, and loading node:crypto
 * would cost the shell's startup ~7 ms.
 */
function tempName(path: string): string {
  sequence += 1;
  return `${path}.${process.pid}.${Date.now().toString(36)}${sequence}.tmp`;
}

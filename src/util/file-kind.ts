import { lstat } from 'node:fs/promises';

/**
 * What lives at `path`: nothing, a regular file, or (as words for a message) something a
 * write must not replace: an atomic write renames over the path, so a symlink, FIFO or
 * device there (e.g. /dev/full for a root user) would be replaced by a plain file.
 */
export async function whatIsAt(path: string): Promise<'none' | 'file' | string> {
  try {
    const stat = await lstat(path);
    if (stat.isFile()) return 'file';
    if (stat.isSymbolicLink()) return 'a symbolic link';
    if (stat.isDirectory()) return 'a folder';
    if (stat.isFIFO()) return 'a FIFO';
    if (stat.isSocket()) return 'a socket';
    return 'a device';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
}

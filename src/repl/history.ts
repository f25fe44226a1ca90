import { appendFileSync, chmodSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { REPLServer } from 'node:repl';
import { writeFileAtomic } from '../util/atomic-write.js';
import { isSecretLine } from './secrets.js';

/** How many entries the shell remembers, in the file and for ↑. */
export const HISTORY_LIMIT = 3000;

/** The parts of readline's Interface the history code touches (not all in @types/node). */
interface HistoryHolder {
  history: string[];
  historySize: number;
}

/** Drops secret lines from a history list (newest first, as readline keeps it), in place. */
export function filterHistory(history: string[], secrets: readonly string[]): string[] {
  for (let i = history.length - 1; i >= 0; i--) {
    if (isSecretLine(history[i] ?? '', secrets)) history.splice(i, 1);
  }
  return history;
}

/**
 * The REPL's persistent history, kept by cmlsh rather than by Node's `setupHistory`, which
 * rewrites the whole file from one shell's list when that shell exits: with two shells
 * open, the one that exits last wipes the other's lines. Here the file holds one entry per
 * line, oldest first, and each shell appends its own lines as they are entered (one
 * O_APPEND write each, so shells writing at once interleave whole lines and lose none; a
 * shell that is killed keeps what it had). At start the file is read, and compacted to the
 * newest HISTORY_LIMIT entries when it has grown well past that.
 *
 * Private: the file is 0600 in a 0700 folder, and a line holding a secret (the key, a
 * `Bearer …` value, a `token:` literal) is taken out of the list and never written.
 *
 * Resolves once the old history is loaded; a file that cannot be read or written only costs
 * persistence (`onError` is told once), never the session. Call it right after `start()`,
 * with the REPL paused until it resolves, so that no line is read (nor left out of the
 * history) before. If the REPL closes before that, nothing is set up.
 */
export async function setupPrivateHistory(
  repl: REPLServer,
  path: string,
  secrets: readonly string[],
  onError: (error: unknown) => void = () => undefined,
): Promise<void> {
  let closed = false;
  const onExit = () => {
    closed = true;
  };
  repl.once('exit', onExit);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const saved = await readEntries(path);
  repl.off('exit', onExit);
  if (closed) return;
  const kept = saved.filter((line) => !isSecretLine(line, secrets));
  if (kept.length !== saved.length || saved.length > HISTORY_LIMIT * 1.5) {
    // Rewritten when it had secret lines (from an older cmlsh, or a key that changed) or grew.
    await writeFileAtomic(path, lines(kept.slice(-HISTORY_LIMIT)));
  }
  const holder = repl as unknown as HistoryHolder;
  holder.historySize = HISTORY_LIMIT;
  holder.history = kept.slice(-HISTORY_LIMIT).reverse();
  chmodQuietly(path);

  let failed = false;
  let top = holder.history[0];
  let length = holder.history.length;
  repl.on('history', (history: string[]) => {
    // readline emits this for every line entered, also when it did not add it (a repeat).
    const added = history[0] !== top || history.length !== length;
    if (added && history[0] !== undefined && isSecretLine(history[0], secrets)) history.shift();
    else if (added && history[0] !== undefined && !failed) {
      try {
        appendFileSync(path, lines([history[0]]), { mode: 0o600 });
      } catch (error) {
        failed = true;
        onError(error);
      }
    }
    top = history[0];
    length = history.length;
  });
}

/** The entries of a history file, oldest first; none when there is no file yet. */
async function readEntries(path: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** One entry per line: a line break inside an entry would split it in two on reading. */
function lines(entries: readonly string[]): string {
  return entries.map((entry) => `${entry.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

function chmodQuietly(path: string): void {
  try {
    chmodSync(path, 0o600);
  } catch {
    // Not there yet: the first append creates it 0600.
  }
}

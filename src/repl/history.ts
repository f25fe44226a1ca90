import { chmod, mkdir } from 'node:fs/promises';
import { EOL } from 'node:os';
import { dirname } from 'node:path';
import type { REPLServer } from 'node:repl';
import { writeFileAtomicSync } from '../util/atomic-write.js';
import { isSecretLine } from './secrets.js';

/** The parts of readline's Interface the history code touches (not all in @types/node). */
interface HistoryHolder {
  history: string[];
}

/** Drops secret lines from a history list (newest first, as readline keeps it), in place. */
export function filterHistory(history: string[], secrets: readonly string[]): string[] {
  for (let i = history.length - 1; i >= 0; i--) {
    if (isSecretLine(history[i] ?? '', secrets)) history.splice(i, 1);
  }
  return history;
}

/**
 * Persistent history through Node's own `setupHistory`, made private: the file is 0600 in
 * a 0700 folder, a line holding a secret is taken out of the list before Node writes it
 * (readline's documented 'history' event lets a listener edit the list), and on exit the
 * file is rewritten from the filtered list, because Node writes in place and a list that
 * got shorter could leave an older tail behind.
 *
 * Resolves once the old history is loaded; a file that cannot be opened only costs
 * persistence (Node says so on the screen), never the session. Call it right after
 * `start()`: if the REPL closes before the history is set up, it is not set up at all,
 * because Node's setupHistory resumes input when done, and resumed input on a closed
 * REPL keeps the process alive. Best also `repl.pause()` until then, so that no line is
 * read (nor left out of the history) before.
 */
export async function setupPrivateHistory(
  repl: REPLServer,
  path: string,
  secrets: readonly string[],
): Promise<void> {
  let closed = false;
  const onExit = () => {
    closed = true;
  };
  repl.once('exit', onExit);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  repl.off('exit', onExit);
  if (closed) return;
  const holder = repl as unknown as HistoryHolder;
  await new Promise<void>((resolve) => {
    repl.setupHistory(path, () => resolve());
  });
  await chmod(path, 0o600).catch(() => undefined);
  filterHistory(holder.history, secrets);
  repl.on('history', (history: string[]) => {
    if (history[0] !== undefined && isSecretLine(history[0], secrets)) history.shift();
  });
  repl.once('exit', () => {
    try {
      writeFileAtomicSync(path, filterHistory([...holder.history], secrets).join(EOL));
    } catch {
      // History is a convenience: losing it must not turn exit into a crash.
    }
  });
}

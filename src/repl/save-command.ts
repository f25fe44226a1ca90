import { resolve } from 'node:path';
import type { REPLServer } from 'node:repl';
import { writeFileAtomic } from '../util/atomic-write.js';
import { whatIsAt } from '../util/file-kind.js';
import { isSecretLine } from './secrets.js';

/**
 * Replaces Node's `.save FILE`, which writes every line of the session as typed, key and
 * all, to a file anyone may read (0666 less the umask). This one leaves out each line that
 * holds a secret (as history does), writes the file 0600 and atomically, and says what it
 * left out, so the saved script is never a copy of the key.
 */
export function defineSaveCommand(repl: REPLServer, secrets: readonly string[]): void {
  repl.defineCommand('save', {
    help: 'Save the lines typed in this session to a file (0600; lines holding the key are left out)',
    action(this: REPLServer, file: string) {
      const name = file.trim();
      const done = (text: string) => {
        this.output.write(`${text}\n`);
        this.displayPrompt();
      };
      if (!name) {
        done('.save needs a file name, e.g. .save session.js');
        return;
      }
      const lines = (this as unknown as { lines: string[] }).lines;
      const kept = lines.filter((line) => !isSecretLine(line, secrets));
      const left = lines.length - kept.length;
      const path = resolve(name);
      save(path, `${kept.join('\n')}\n`).then(
        () =>
          done(
            `Session saved to ${path}${left ? ` (${left} line${left === 1 ? '' : 's'} holding a key left out)` : ''}`,
          ),
        (error: unknown) =>
          done(`Could not save to ${path}: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
  });
}

/** Writes the file, refusing to replace anything but a regular file. */
async function save(path: string, text: string): Promise<void> {
  const there = await whatIsAt(path);
  if (there !== 'none' && there !== 'file') throw new Error(`it is ${there}; choose a file name`);
  await writeFileAtomic(path, text);
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { REPLServer } from 'node:repl';
import { Script } from 'node:vm';
import { cmlshDirs } from '../util/xdg.js';
import { describeReplError } from './error-display.js';

/** Where the startup file lives: `$XDG_CONFIG_HOME/cmlsh/cmlshrc.js` (`~/.config/cmlsh/cmlshrc.js`). */
export function defaultRcFile(): string {
  return join(cmlshDirs().config, 'cmlshrc.js');
}

/**
 * Runs the startup file in the shell's own context, as mongosh runs `.mongoshrc.js`: with
 * `api`, `cmlapi` and `browse` in scope, and what it declares (functions, `const`s)
 * left for the prompt. A promise it ends with is awaited. No file is no error; a failing
 * one is one line naming the file (and its line), and the shell starts all the same.
 */
export async function loadRcFile(repl: REPLServer, file: string, say: (line: string) => void): Promise<void> {
  let code: string;
  try {
    code = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') say(`${file}: ${(error as Error).message}`);
    return;
  }
  try {
    const result: unknown = new Script(code, { filename: file }).runInContext(repl.context);
    if (typeof (result as { then?: unknown } | null)?.then === 'function') await result;
  } catch (error) {
    const stack = (error as { stack?: unknown } | null)?.stack;
    const line = typeof stack === 'string' ? lineIn(stack, file) : undefined;
    say(
      `Error in ${file}${line ? `:${line}` : ''}: ${describeReplError(error, false)} (the rest of it was not run)`,
    );
  }
}

function lineIn(stack: string, file: string): string | undefined {
  for (const text of stack.split('\n')) {
    const at = text.indexOf(`${file}:`);
    if (at >= 0) return /^(\d+)/.exec(text.slice(at + file.length + 1))?.[1];
  }
  return undefined;
}

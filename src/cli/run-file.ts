import { readFile } from 'node:fs/promises';
import { CmlUsageError } from '../errors/index.js';
import * as repl from '../repl/index.js';
import { resolveConnection } from './connection.js';
import { withDemo } from './demo.js';
import { parseShellFast } from './fast-path.js';
import { type FlagSpec, SHELL_FLAGS, type ShellArgs } from './options.js';
import { reportError } from './report-error.js';

/**
 * `cmlsh run [flags] FILE [args...]`: the flags before FILE are cmlsh's (connection,
 * `--demo`, `--verbose`), every word after it is the script's own (`args` in the script),
 * as with `node FILE args...`. The script runs with `api` and `cmlapi`, top-level await,
 * and ends the process with 0, or 1 (2 for usage, 130 for Ctrl+C) after one line on stderr.
 */
export async function runFileCommand(argv: readonly string[]): Promise<void> {
  let verbose = false;
  try {
    const { flags, file, args } = splitAtFile(argv);
    verbose = flags.verbose ?? false;
    let code: string;
    try {
      code = await readFile(file, 'utf8');
    } catch (error) {
      throw new CmlUsageError(`Cannot read ${file}: ${(error as Error).message}`);
    }
    const run = (connect: Parameters<typeof repl.runScript>[1]['connect']) =>
      repl.runScript(code, { connect, verbose, file: { path: file, args } });
    process.exitCode = flags.demo
      ? await withDemo(flags, run)
      : await run((await resolveConnection(flags)).connect);
  } catch (error) {
    reportError(error, { verbose });
  }
}

/**
 * The cmlsh flags, the script and its arguments of a `run` command line.
 * @throws CmlUsageError when there is no script, or a flag before it is not one of cmlsh's.
 */
function splitAtFile(argv: readonly string[]): { flags: ShellArgs; file: string; args: string[] } {
  const takesValue = new Set(
    Object.entries(SHELL_FLAGS as Record<string, FlagSpec>).flatMap(([name, spec]) =>
      spec.type === 'boolean' ? [] : [`--${name}`, ...(spec.alias ? [`-${spec.alias}`] : [])],
    ),
  );
  let at = 0;
  while (at < argv.length && argv[at]?.startsWith('-')) at += takesValue.has(argv[at] ?? '') ? 2 : 1;
  const file = argv[at];
  if (file === undefined)
    throw new CmlUsageError('cmlsh run needs a script file: cmlsh run script.js [args...]');
  const before = argv.slice(0, at);
  const flags = parseShellFast(before);
  if (!flags || flags.eval !== undefined || flags.json !== undefined) {
    throw new CmlUsageError(
      `cmlsh run takes the connection flags and --demo before the script, not "${before.join(' ')}". See cmlsh run --help`,
    );
  }
  return { flags, file, args: argv.slice(at + 1) };
}

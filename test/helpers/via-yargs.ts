import fc from 'fast-check';
import { expect } from 'vitest';
import type { CommandModule } from 'yargs';
import { buildParser } from '../../src/cli/cli.js';

/**
 * What `command`'s yargs handler would hand on for `argv` (through `split`, as the real
 * handler does), or 'error' when yargs refuses the command line: what a fast path is
 * checked against.
 */
export async function viaYargs<T>(
  // biome-ignore lint/suspicious/noExplicitAny: any command, whatever its argument types.
  command: CommandModule<object, any>,
  split: (args: Record<string, unknown>) => T,
  argv: readonly string[],
): Promise<T | 'error'> {
  let got: T | undefined;
  const capture = {
    ...command,
    handler: (args: Record<string, unknown>) => {
      got = split(args);
    },
  };
  try {
    await buildParser(argv, [capture]).parseAsync();
  } catch {
    return 'error';
  }
  if (got === undefined)
    throw new Error(`yargs did not run ${String(command.command)} for ${argv.join(' ')}`);
  return got;
}

/** Values a fuzzer mixes into command lines: numbers at the edges, flag-like and empty ones. */
export const ODD_VALUES = ['5', '0', '1e2', '2147483648', '--host=', '-5', 'abc', 'true', '', ' ', '{"a":1}'];

/**
 * The property both fast paths are held to: whatever `parse` takes of
 * `<command> listProjects <words...>`, yargs turns into the same arguments.
 */
export async function agreesWithYargs<T>(
  command: string,
  words: readonly string[],
  parse: (argv: string[]) => T | undefined,
  yargs: (argv: readonly string[]) => Promise<T | 'error'>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.constantFrom(...words), { maxLength: 8 }), async (picked) => {
      const argv = [command, 'listProjects', ...picked];
      const fast = parse(argv);
      if (fast) expect(fast, argv.join(' ')).toEqual(await yargs(argv));
    }),
    { numRuns: 400 },
  );
}

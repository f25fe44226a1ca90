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

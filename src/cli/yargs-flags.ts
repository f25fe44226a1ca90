import type { Argv, Options } from 'yargs';
import { CmlUsageError } from '../errors/index.js';
import { flagValue } from './flag-value.js';
import type { FlagSpec } from './options.js';

/**
 * Adds a table of flags (see options.ts) to a yargs builder, in their own help group. Values
 * are checked by flagValue, as on the fast paths; numbers reach it untyped, as the text typed,
 * since yargs' own number type reads `--page-size ''` as 0 and `--timeout abc` as NaN.
 */
export function addFlags<T>(yargs: Argv<T>, flags: Record<string, FlagSpec>, group: string): Argv<T> {
  let result = yargs;
  for (const [name, spec] of Object.entries(flags)) {
    const option: Options = {
      describe: spec.describe,
      group,
      coerce: (raw: unknown) => flagValue(name, spec, raw),
    };
    if (spec.type !== 'number') option.type = spec.type;
    if (spec.alias) option.alias = spec.alias;
    result = result.option(name, option);
  }
  return result;
}

/** Every key yargs may set for these flags, aliases included: what is not a parameter flag. */
export function flagKeys(...tables: Record<string, FlagSpec>[]): Set<string> {
  const keys = new Set(['_', '$0', 'help', 'version']);
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table)) {
      keys.add(name);
      if (spec.alias) keys.add(spec.alias);
    }
  }
  return keys;
}

/** What yargs' `getOptions()` tells a middleware about the declared options. */
interface DeclaredOptions {
  readonly key: Record<string, unknown>;
  readonly array: readonly string[];
}

/**
 * A yargs middleware for every command: a declared flag given twice that does not take a
 * list (`serve --port 1 --port 2`, `logout --profile a --profile b`) is refused, as
 * flagValue refuses the flags of the tables; yargs alone would hand on an array. Flags
 * declared as lists (`serve --token`) and undeclared ones (a `call` parameter of array
 * type) may repeat.
 * @throws CmlUsageError naming the flag
 */
export function refuseRepeatedFlags(argv: Record<string, unknown>, yargs: unknown): void {
  const options = (yargs as { getOptions?: () => DeclaredOptions }).getOptions?.();
  if (!options) return;
  for (const name of Object.keys(options.key)) {
    const value = argv[name];
    if (Array.isArray(value) && !options.array.includes(name) && name.length > 1) {
      throw new CmlUsageError(
        `--${name} given ${value.length === 2 ? 'twice' : `${value.length} times`}: give it once`,
      );
    }
  }
}

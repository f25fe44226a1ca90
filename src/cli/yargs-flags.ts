import type { Argv, Options } from 'yargs';
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

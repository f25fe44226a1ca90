import { CALL_FLAGS, CONNECTION_FLAGS, type FlagSpec } from './options.js';
import type { CallArgsFromCli } from './run-call.js';
import { flagKeys } from './yargs-flags.js';

/** Every flag `cmlsh call` declares, by name: the table both yargs and the fast path read. */
export const CALL_COMMAND_FLAGS: Readonly<Record<string, FlagSpec>> = { ...CONNECTION_FLAGS, ...CALL_FLAGS };

/** Every key yargs may set for `call` itself (aliases, help, `_`): anything else is a parameter. */
export const CALL_KEYS: ReadonlySet<string> = flagKeys(CALL_COMMAND_FLAGS, {
  operation: { type: 'string', describe: '' },
});

/** What `runCall` takes: the command's own flags, and the operation's parameter flags as typed. */
export interface CallInvocation {
  readonly args: CallArgsFromCli;
  readonly paramFlags: Record<string, unknown>;
}

/**
 * Splits what yargs parsed for `call` into the command's flags (by their table names, so
 * aliases and yargs' own keys drop out) and the parameter flags (every key `call` does not
 * declare, exactly as typed).
 */
export function splitCallArgs(parsed: Readonly<Record<string, unknown>>): CallInvocation {
  const args: Record<string, unknown> = {};
  const paramFlags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!CALL_KEYS.has(key)) paramFlags[key] = value;
    else if (value !== undefined && (key === 'operation' || Object.hasOwn(CALL_COMMAND_FLAGS, key)))
      args[key] = value;
  }
  return { args: args as unknown as CallArgsFromCli, paramFlags };
}

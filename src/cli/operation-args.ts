import type { FlagSpec } from './options.js';
import { flagKeys } from './yargs-flags.js';

/**
 * A command that runs one operation with its parameters as flags (`call`, `browse`): its
 * word, the flags it declares, and every key yargs may set for it (aliases, help, `_`);
 * any other flag is a parameter of the operation. Read by yargs and the fast path alike.
 */
export interface OperationCommand {
  readonly word: string;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  readonly keys: ReadonlySet<string>;
}

export function operationCommand(word: string, flags: Readonly<Record<string, FlagSpec>>): OperationCommand {
  return { word, flags, keys: flagKeys(flags, { operation: { type: 'string', describe: '' } }) };
}

/** What such a command runs on: its own flags, and the operation's parameter flags as typed. */
export interface OperationInvocation<Args> {
  readonly args: Args;
  readonly paramFlags: Record<string, unknown>;
}

/**
 * Splits what yargs parsed into the command's flags (by their table names, so aliases and
 * yargs' own keys drop out) and the parameter flags (every key the command does not
 * declare, exactly as typed).
 */
export function splitOperationArgs<Args>(
  command: OperationCommand,
  parsed: Readonly<Record<string, unknown>>,
): OperationInvocation<Args> {
  const args: Record<string, unknown> = {};
  const paramFlags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!command.keys.has(key)) paramFlags[key] = value;
    else if (value !== undefined && (key === 'operation' || Object.hasOwn(command.flags, key)))
      args[key] = value;
  }
  return { args: args as Args, paramFlags };
}

import { type OperationInvocation, operationCommand, splitOperationArgs } from './operation-args.js';
import { CALL_FLAGS, CONNECTION_FLAGS } from './options.js';
import type { CallArgsFromCli } from './run-call.js';

/** `cmlsh call`: its word and every flag it declares, the table both yargs and the fast path read. */
export const CALL_COMMAND = operationCommand('call', { ...CONNECTION_FLAGS, ...CALL_FLAGS });

/** What `runCall` takes: the command's own flags, and the operation's parameter flags as typed. */
export type CallInvocation = OperationInvocation<CallArgsFromCli>;

/** What yargs parsed for `call`, split into its own flags and the parameter flags. */
export function splitCallArgs(parsed: Readonly<Record<string, unknown>>): CallInvocation {
  return splitOperationArgs(CALL_COMMAND, parsed);
}

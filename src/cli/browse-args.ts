import { type OperationInvocation, operationCommand, splitOperationArgs } from './operation-args.js';
import { CONNECTION_FLAGS, type ConnectionArgs, DEMO_FLAGS } from './options.js';

/** `cmlsh browse`'s own flags after parsing. */
export interface BrowseArgs extends ConnectionArgs {
  readonly operation: string;
  readonly demo?: boolean | undefined;
}

/** `cmlsh browse`: its word and every flag it declares, the table both yargs and the fast path read. */
export const BROWSE_COMMAND = operationCommand('browse', { ...CONNECTION_FLAGS, ...DEMO_FLAGS });

/** What `runBrowseCommand` takes: the command's own flags, and the operation's parameter flags as typed. */
export type BrowseInvocation = OperationInvocation<BrowseArgs>;

/** What yargs parsed for `browse`, split into its own flags and the parameter flags. */
export function splitBrowseArgs(parsed: Readonly<Record<string, unknown>>): BrowseInvocation {
  return splitOperationArgs(BROWSE_COMMAND, parsed);
}

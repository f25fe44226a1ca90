import type { CommandModule } from 'yargs';
import { type BrowseArgs, splitBrowseArgs } from '../browse-args.js';
import { CONNECTION_FLAGS, DEMO_FLAGS } from '../options.js';
import { runBrowseCommand } from '../run-browse.js';
import { addFlags } from '../yargs-flags.js';

/**
 * `cmlsh browse <operation>`: the answer in the full-screen browser (ink, loaded on demand).
 * The picked item is printed on stdout as JSON; when stdin or stdout is not a terminal
 * (`> picked.json`), the browser reads and draws on the controlling terminal instead.
 */
export const browseCommand: CommandModule<object, BrowseArgs> = {
  command: 'browse <operation>',
  describe: 'Browse the answer of one operation full-screen (lists page lazily)',
  builder: (yargs) =>
    addFlags(addFlags(yargs, DEMO_FLAGS, 'Browse:'), CONNECTION_FLAGS, 'Connection:')
      .positional('operation', { type: 'string', describe: 'Operation, e.g. listProjects' })
      .strict(false) as never,
  // main.ts runs simple command lines without yargs (parseBrowseFast), to the same effect.
  handler: (args) => runBrowseCommand(splitBrowseArgs(args)),
};

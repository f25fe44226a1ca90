import type { CommandModule } from 'yargs';
import { splitCallArgs } from '../call-args.js';
import { CALL_FLAGS, CONNECTION_FLAGS } from '../options.js';
import { OUTPUT_FORMATS } from '../output/format.js';
import { type CallArgsFromCli, runCallCommand } from '../run-call.js';
import { addFlags } from '../yargs-flags.js';

/** `cmlsh call <operation> [--<param> value ...]`: one API call, the answer on stdout. */
export const callCommand: CommandModule<object, CallArgsFromCli> = {
  command: 'call <operation>',
  describe: 'Call one operation; parameters as --project-id X (any spelling)',
  builder: (yargs) =>
    addFlags(
      addFlags(yargs, CALL_FLAGS, 'Call:').choices('output', OUTPUT_FORMATS),
      CONNECTION_FLAGS,
      'Connection:',
    )
      .positional('operation', {
        type: 'string',
        describe: 'Operation: listProjects, list_projects or ListProjects',
      })
      // Parameter flags are the operation's own, so they cannot be declared here.
      .strict(false)
      .example([
        ['$0 call listProjects --page-size 5', 'First page of projects'],
        ['$0 call list_jobs --project-id abc --all -o jsonl', 'Every job, one JSON per line'],
        ['$0 call createProject --body \'{"name":"demo"}\'', 'Create with a JSON body'],
        ['$0 call listProjects --search-filter \'{"name":"demo"}\'', 'Filter a list'],
      ]) as never,
  // main.ts runs simple command lines without yargs (parseCallFast), to the same effect.
  handler: (args) => runCallCommand(splitCallArgs(args)),
};

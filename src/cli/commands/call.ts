import type { CommandModule } from 'yargs';
import { CONNECTION_FLAGS, type FlagSpec } from '../options.js';
import { OUTPUT_FORMATS } from '../output/format.js';
import { reportError } from '../report-error.js';
import { type CallArgsFromCli, runCall } from '../run-call.js';
import { addFlags, flagKeys } from '../yargs-flags.js';

const CALL_FLAGS = {
  body: { type: 'string', describe: 'Request body: JSON, @file.json, or @- for stdin' },
  all: { type: 'boolean', describe: 'Stream every item across pages (list operations)' },
  limit: { type: 'number', describe: 'Stop after N items (implies --all)' },
  'page-size': { type: 'number', describe: 'Items per request' },
  output: {
    type: 'string',
    alias: 'o',
    describe: `Output format: ${OUTPUT_FORMATS.join(', ')} (default: table on a terminal, json in a pipe)`,
  },
} as const satisfies Record<string, FlagSpec>;

const KNOWN = flagKeys(CONNECTION_FLAGS, CALL_FLAGS, { operation: { type: 'string', describe: '' } });

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
  handler: async (args) => {
    const paramFlags: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(args)) if (!KNOWN.has(key)) paramFlags[key] = value;
    try {
      await runCall(args, paramFlags);
    } catch (error) {
      reportError(error, { json: args.output === 'json', verbose: args.verbose ?? false });
    }
  },
};

import type { CommandModule } from 'yargs';
import { helpText, OperationIndex } from '../../api/index.js';
import { safeText } from '../../present/index.js';
import { commandSpec } from '../command-spec.js';
import { CONNECTION_FLAGS, type ConnectionArgs } from '../options.js';
import { reportError } from '../report-error.js';
import { addFlags } from '../yargs-flags.js';

interface DescribeArgs extends ConnectionArgs {
  readonly operation: string;
}

/** `cmlsh describe <operation>`: summary, parameters, filter and sort keys, an example. */
export const describeCommand: CommandModule<object, DescribeArgs> = {
  command: 'describe <operation>',
  describe: 'Show the parameters and an example of one operation',
  builder: (yargs) =>
    addFlags(yargs, CONNECTION_FLAGS, 'Connection:').positional('operation', {
      type: 'string',
      describe: 'Operation: listJobs, list_jobs or ListJobs',
    }) as never,
  handler: async (args) => {
    try {
      const spec = await commandSpec(args);
      const op = new OperationIndex(spec.operations).get(args.operation);
      // Spec text is shown, never obeyed by the terminal.
      process.stdout.write(`${safeText(helpText(op, spec, { width: process.stdout.columns }).trimEnd())}\n`);
    } catch (error) {
      reportError(error);
    }
  },
};

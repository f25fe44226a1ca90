import type { CommandModule } from 'yargs';
import { connect, ResultSources, requireWaitKind, type WaitTarget, waitTargets } from '../../api/index.js';
import { CmlAbortError, CmlUsageError } from '../../errors/index.js';
import { hooks } from '../connection.js';
import { withConnection } from '../demo.js';
import { onInterrupt } from '../interrupt.js';
import { CONNECTION_FLAGS, type ConnectionArgs, DEMO_FLAGS, WAIT_FLAGS, type WaitArgs } from '../options.js';
import { defaultFormat, OUTPUT_FORMATS, type OutputFormat } from '../output/format.js';
import { streamSink } from '../output/sink.js';
import { reportError } from '../report-error.js';
import { waitAndWrite } from '../run-wait.js';
import { addFlags } from '../yargs-flags.js';

interface WaitCommandArgs extends ConnectionArgs, WaitArgs {
  readonly kind: string;
  readonly ids: (string | number)[];
  readonly demo?: boolean | undefined;
  readonly output?: OutputFormat | undefined;
}

/**
 * `cmlsh wait <kind> <ids..>`: waits until a job run, application, model build or
 * deployment, experiment run is final. The ids are the GET's path ids in path order; more
 * ids than that are more of the last one (several runs of one job). Exit 0 when every one
 * succeeded, 1 when one failed, was stopped or the wait timed out, 130 on Ctrl+C.
 */
export const waitCommand: CommandModule<object, WaitCommandArgs> = {
  command: 'wait <kind> <ids..>',
  describe: 'Wait until a run, build, deployment or application is final (exit 0 succeeded, 1 not)',
  builder: (yargs) =>
    addFlags(
      addFlags(
        addFlags(yargs, WAIT_FLAGS, 'Wait:')
          .option('output', {
            alias: 'o',
            type: 'string',
            choices: OUTPUT_FORMATS,
            describe: 'Output format of the final object (default: table on a terminal, json in a pipe)',
            group: 'Wait:',
          })
          .positional('kind', {
            type: 'string',
            describe: 'job-run, application, model-build, model-deployment, experiment-run (any spelling)',
          })
          .positional('ids', { type: 'string', describe: 'Path ids in order, e.g. PROJECT JOB RUN' }),
        DEMO_FLAGS,
        'Wait:',
      ),
      CONNECTION_FLAGS,
      'Connection:',
    ).example([
      ['$0 wait job-run PROJECT JOB RUN', 'Until the run succeeded (exit 0) or not (exit 1)'],
      ['$0 wait job-run PROJECT JOB RUN1 RUN2', 'Several runs of one job'],
      ['$0 wait application PROJECT APP --until APPLICATION_STOPPED', 'Until it has stopped'],
      ['$0 wait model-build PROJECT MODEL BUILD --wait-timeout 30m', 'Give up after half an hour'],
    ]) as never,
  handler: async (args) => {
    try {
      await runWait(args);
    } catch (error) {
      reportError(error, { json: args.output === 'json', verbose: args.verbose ?? false });
    }
  },
};

async function runWait(args: WaitCommandArgs): Promise<void> {
  const format = args.output ?? defaultFormat();
  await withConnection(args, async (options) => {
    const { api, spec } = await connect({ ...options, ...hooks(args.verbose) });
    const kind = requireWaitKind(spec, args.kind);
    const names = kind.operation.shape.params;
    const ids = args.ids.map(String);
    if (ids.length < names.length) {
      const usage = names.map((name) => `<${name.replace(/[._]/g, '-')}>`).join(' ');
      throw new CmlUsageError(
        `cmlsh wait ${kind.name} takes ${usage} (${names.length} ids), got ${ids.length} (see cmlsh describe ${kind.operation.name})`,
      );
    }
    const parents = Object.fromEntries(names.slice(0, -1).map((name, i) => [name, ids[i]]));
    const last = names.at(-1) ?? '';
    const targets: WaitTarget[] = [];
    const sources = new ResultSources();
    for (const id of ids.slice(names.length - 1)) {
      const found = await waitTargets(spec, sources, kind.model, { ...parents, [last]: id });
      targets.push(...found.targets);
    }
    const interrupt = onInterrupt();
    try {
      const signal = interrupt.signal;
      const sink = streamSink(process.stdout, signal);
      await waitAndWrite(
        { targets, many: targets.length > 1 },
        { api, spec, format, sink, signal, flags: args },
      );
    } catch (error) {
      throw interrupt.signal.aborted && !(error instanceof CmlAbortError) ? new CmlAbortError() : error;
    } finally {
      interrupt.dispose();
    }
  });
}

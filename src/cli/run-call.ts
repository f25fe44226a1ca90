import {
  API_META,
  type Api,
  type ApiMethod,
  type CallArgs,
  connect,
  ResultSources,
  waitKindOfAnswer,
  waitTargets,
} from '../api/index.js';
import { CmlAbortError, CmlUsageError } from '../errors/index.js';
import { itemSchemaOf } from '../present/index.js';
import type { ApiSpec, Operation } from '../spec/index.js';
import type { CallInvocation } from './call-args.js';
import { hooks, type PlainConnectOptions } from './connection.js';
import { withConnection } from './demo.js';
import { inFlagTerms } from './flag-terms.js';
import { onInterrupt } from './interrupt.js';
import type { ConnectionArgs, WaitArgs } from './options.js';
import { defaultFormat, type OutputFormat } from './output/format.js';
import { itemWriter } from './output/item-writer.js';
import { streamSink } from './output/sink.js';
import { writeResult } from './output/write-result.js';
import { paramsFromFlags, readBody } from './param-flags.js';
import { reportError } from './report-error.js';
import { waitAndWrite } from './run-wait.js';
import { keepYoungGenerationSmall } from './streaming-heap.js';

export interface CallArgsFromCli extends ConnectionArgs, WaitArgs {
  readonly operation: string;
  readonly demo?: boolean | undefined;
  readonly wait?: boolean | undefined;
  readonly body?: string | undefined;
  readonly all?: boolean | undefined;
  readonly limit?: number | undefined;
  readonly 'page-size'?: number | undefined;
  readonly output?: OutputFormat | undefined;
}

/**
 * `cmlsh call` at the edge, from yargs or from main.ts's fast path: runs the call and
 * reports its error on stderr (as JSON with `-o json`), setting the exit code.
 */
export async function runCallCommand({ args, paramFlags }: CallInvocation): Promise<void> {
  try {
    await runCall(args, paramFlags);
  } catch (error) {
    reportError(error, { json: args.output === 'json', verbose: args.verbose ?? false });
  }
}

/**
 * `cmlsh call`: one operation, its answer on stdout. With `--all` (or `--limit`) items are
 * streamed across pages as they arrive; Ctrl+C aborts the request in flight and exits 130
 * without writing anything further.
 * @throws CmlError (usage 2, api/network 1, abort 130)
 */
export async function runCall(args: CallArgsFromCli, paramFlags: Record<string, unknown>): Promise<void> {
  // Flag values were checked as they were parsed (flag-value.ts), before any network work.
  const format = args.output ?? defaultFormat();
  if (!args.wait && (args['wait-timeout'] !== undefined || args.until !== undefined)) {
    throw new CmlUsageError(
      `--${args.until !== undefined ? 'until' : 'wait-timeout'} only applies with --wait`,
    );
  }
  if (args.wait && (args.all || args.limit !== undefined)) {
    throw new CmlUsageError('--wait waits on one answer: it does not go with --all or --limit');
  }
  await withConnection(args, (options) => callWith(options, args, paramFlags, format));
}

async function callWith(
  options: PlainConnectOptions,
  args: CallArgsFromCli,
  paramFlags: Record<string, unknown>,
  format: OutputFormat,
): Promise<void> {
  // Only printed, never handed to code: no cmlapi decoration (docs/performance.md).
  const { api, spec } = await connect({ ...options, ...hooks(args.verbose), plainResults: true });
  const op = api[API_META].operations.get(args.operation);
  try {
    await callOperation(api, spec, op, args, paramFlags, format);
  } catch (error) {
    // The api speaks JavaScript; here someone typed flags.
    throw inFlagTerms(error, op);
  }
}

async function callOperation(
  api: Api,
  spec: ApiSpec,
  op: Operation,
  args: CallArgsFromCli,
  paramFlags: Record<string, unknown>,
  format: OutputFormat,
): Promise<void> {
  // Before the call: `createProject --wait` must not create a project it cannot wait for.
  if (args.wait) waitKindOfAnswer(spec, op, args.until);
  const callArgs: CallArgs = paramsFromFlags(op, paramFlags);
  if (args.body !== undefined) callArgs.body = await readBody(args.body);
  if (args['page-size'] !== undefined) callArgs[pageSizeName(op)] = args['page-size'];

  const interrupt = onInterrupt();
  try {
    const signal = interrupt.signal;
    const sink = streamSink(process.stdout, signal);
    // Ctrl+C reaches the call through its options, never through its arguments.
    // Every page of --all is read: the next one is asked for while this one is written.
    const readAhead = Boolean(args.all) && args.limit === undefined;
    const signalled = api.withOptions({ signal, readAhead })[op.name] as ApiMethod;
    // The item schema picks the table's columns, as in the shell and the browser.
    const item = itemSchemaOf(op, api[API_META].spec);
    if (args.all || args.limit !== undefined) {
      if (!signalled.pages) {
        throw new CmlUsageError(`${op.name} is not a list operation: --all and --limit only apply to lists`);
      }
      keepYoungGenerationSmall();
      const writer = await itemWriter(format, sink, item);
      try {
        // Page by page rather than item by item: each page goes out in one write.
        let left = args.limit ?? Number.POSITIVE_INFINITY;
        if (left > 0) {
          for await (const page of signalled.pages(callArgs)) {
            const items = page.items.length > left ? page.items.slice(0, left) : page.items;
            await writer.writeItems(items);
            left -= items.length;
            await sink.flush();
            if (left <= 0) break;
          }
        }
        await writer.end();
      } catch (error) {
        // What is out stays readable: the JSON array is closed, and stderr says it is partial.
        await writer.close();
        throw partial(
          interrupt.signal.aborted ? new CmlAbortError(`Cancelled: ${op.name}`) : error,
          writer.written,
        );
      }
    } else if (args.wait) {
      const targets = await waitTargets(spec, new ResultSources(), signalled(callArgs));
      await waitAndWrite(targets, { api, spec, format, sink, signal, flags: args });
    } else {
      await writeResult(await signalled(callArgs), format, sink, item);
    }
    if (signal.aborted) throw new CmlAbortError();
  } catch (error) {
    if (interrupt.signal.aborted && !(error instanceof CmlAbortError))
      throw new CmlAbortError(`Cancelled: ${op.name}`);
    throw error;
  } finally {
    interrupt.dispose();
  }
}

/** The error, saying that the output holds only the first `written` items. */
function partial(error: unknown, written: number): unknown {
  if (!(error instanceof Error)) return error;
  error.message = `${error.message.replace(/\.$/, '')}. The output is partial: the first ${written} item${written === 1 ? '' : 's'} only, closed so it parses`;
  return error;
}

function pageSizeName(op: Operation): string {
  const param = op.params.find((p) => p.wireName === 'page_size');
  if (!param)
    throw new CmlUsageError(`${op.name} does not page: --page-size only applies to list operations`);
  return param.name;
}

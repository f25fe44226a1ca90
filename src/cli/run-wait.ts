import { type Api, readThrough, type WaitResult, type WaitTarget, waitFor } from '../api/index.js';
import { CmlWaitFailedError } from '../errors/index.js';
import { ProgressLine } from '../repl/progress-line.js';
import type { ApiSpec } from '../spec/index.js';
import type { WaitArgs } from './options.js';
import type { OutputFormat } from './output/format.js';
import type { Sink } from './output/sink.js';
import { writeResult } from './output/write-result.js';

export interface WaitAndWrite {
  readonly api: Api;
  readonly spec: ApiSpec;
  readonly format: OutputFormat;
  readonly sink: Sink;
  readonly signal: AbortSignal;
  readonly flags: WaitArgs;
}

/**
 * The command line's wait (`call --wait`, `cmlsh wait`): waits on the targets with the
 * live line on stderr when it is a terminal, then writes the final object(s) to stdout
 * (an array when `many`).
 * @throws CmlWaitFailedError (exit 1) when one ended in a state other than success, after
 *   writing it; CmlWaitTimeoutError (exit 1); CmlAbortError (130) on Ctrl+C.
 */
export async function waitAndWrite(
  { targets, many }: { readonly targets: readonly WaitTarget[]; readonly many: boolean },
  run: WaitAndWrite,
): Promise<void> {
  const results = await waitFor(targets, readThrough(run.api), {
    signal: run.signal,
    timeout: run.flags['wait-timeout'],
    until: run.flags.until,
    onProgress: stderrProgress(),
    timeoutHint: 'Wait longer with --wait-timeout 2h.',
  });
  const values = results.map((result) => result.value);
  await writeResult(many ? values : values[0], run.format, run.sink);
  const failed = results.filter((result) => result.outcome !== 'succeeded');
  if (failed.length) throw new CmlWaitFailedError(failureText(failed, results.length));
}

function failureText(failed: readonly WaitResult[], total: number): string {
  const each = failed.map((result) => `${result.target.label} ended ${result.state}`).join(', ');
  return total > 1 ? `${failed.length} of ${total} did not succeed: ${each}` : each;
}

/** The shell's live line, on stderr when it is a terminal. */
function stderrProgress() {
  const tty = Boolean(process.stderr.isTTY);
  if (!tty) return undefined;
  return new ProgressLine({ output: process.stderr, tty, colors: !process.env.NO_COLOR }).update;
}

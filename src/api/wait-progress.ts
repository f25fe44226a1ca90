import { formatElapsed } from '../errors/index.js';
import type { Outcome } from './wait-states.js';

/** Where one waited-on resource is. */
export interface TargetProgress {
  /** `JobRun 3f2a…`. */
  readonly label: string;
  readonly state: string;
  readonly outcome: Outcome | undefined;
}

/** What a wait reports after every poll, for a progress line. */
export interface WaitProgress {
  readonly targets: readonly TargetProgress[];
  /** Date.now() when the wait began: a line can tick its elapsed time between polls. */
  readonly startedAt: number;
  /** True once, with the last report: the wait is over (arrived, timed out, stopped or failed). */
  readonly done: boolean;
  /** With `done`: how it ended. `stopped` is Ctrl+C (or the signal): the work goes on. */
  readonly ended?: 'arrived' | 'timed out' | 'stopped' | 'failed' | undefined;
}

/**
 * The one-line text of a wait, as the shell and `cmlsh wait` show it:
 * `JobRun r-1  ENGINE_RUNNING  12s`, or for several `3 waiting: 2 ENGINE_RUNNING, 1 ENGINE_SUCCEEDED  12s`.
 */
export function progressText(progress: WaitProgress, now: number = Date.now()): string {
  const elapsed = formatElapsed(Math.max(0, now - progress.startedAt));
  const [only, ...others] = progress.targets;
  if (only && !others.length) return `${only.label}  ${only.state || '(no status)'}  ${elapsed}`;
  const counts = new Map<string, number>();
  for (const target of progress.targets) counts.set(target.state, (counts.get(target.state) ?? 0) + 1);
  const states = [...counts].map(([state, count]) => `${count} ${state || '(no status)'}`).join(', ');
  return `${progress.targets.length} waiting: ${states}  ${elapsed}`;
}

import { CmlError } from './cml-error.js';

/** A wait gave up before the resource reached a final state; the work itself goes on. */
export class CmlWaitTimeoutError extends CmlError {
  override name = 'CmlWaitTimeoutError';
  /** What was waited for, e.g. "JobRun r-1"; its last state. */
  readonly target: string;
  readonly state: string;
  readonly timeoutMs: number;

  constructor(target: string, state: string, timeoutMs: number, hint: string) {
    super(
      `Stopped waiting after ${formatElapsed(timeoutMs)}: ${target} is still ${state || 'without a status'} (it goes on). ${hint}`,
    );
    this.target = target;
    this.state = state;
    this.timeoutMs = timeoutMs;
  }
}

/** A wait arrived at a final state that is not success (failed, stopped): exit code 1. */
export class CmlWaitFailedError extends CmlError {
  override name = 'CmlWaitFailedError';
}

/** "42s", "3m05s", "1h02m": how long a wait has lasted, for messages and progress lines. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

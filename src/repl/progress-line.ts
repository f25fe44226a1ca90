import { progressText, type WaitProgress } from '../api/index.js';

const CLEAR_LINE = '\r\x1b[2K';
const TICK_MS = 1000;

export interface ProgressLineOptions {
  readonly output: NodeJS.WritableStream;
  /** On a terminal the line is redrawn in place; elsewhere each change of state is one line. */
  readonly tty: boolean;
  readonly colors?: boolean | undefined;
  /**
   * While this says the prompt is on the screen (a wait not awaited), progress must not draw
   * over it: each change of state is handed to `aside` instead (the shell writes it above).
   */
  readonly atPrompt?: (() => boolean) | undefined;
  readonly aside?: ((text: string) => void) | undefined;
}

/**
 * The live line of a wait: `JobRun r-1  ENGINE_RUNNING  12s`, redrawn on every poll and
 * every second between (so the elapsed time moves), cleared when the wait is over. Several
 * waits at once share the line, the latest report winning.
 */
export class ProgressLine {
  private timer: NodeJS.Timeout | undefined;
  private current: WaitProgress | undefined;
  private drawn = false;

  constructor(private readonly options: ProgressLineOptions) {}

  /** What `api.wait` and `cmlsh wait` call after every poll. */
  readonly update = (progress: WaitProgress): void => {
    const { tty, atPrompt, aside, output } = this.options;
    const changed = progress.done || changedState(this.current, progress);
    this.current = progress.done ? undefined : progress;
    if (!tty || atPrompt?.()) {
      this.clear();
      if (!changed) return;
      const text = progressText(progress);
      if (aside && atPrompt?.()) aside(text);
      else if (!tty) output.write(`${text}\n`);
      return;
    }
    if (progress.done) {
      this.clear();
      // Ctrl+C at the prompt reads "Cancelled"; what was left behind is said here.
      if (progress.ended === 'stopped') aside?.(`${progressText(progress)}  (stopped waiting; it goes on)`);
      return;
    }
    this.draw();
    if (!this.timer) {
      this.timer = setInterval(() => this.draw(), TICK_MS);
      // A forgotten line must never keep the process alive.
      this.timer.unref();
    }
  };

  /** Takes the line off the screen and stops the clock. */
  clear(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.drawn) this.options.output.write(CLEAR_LINE);
    this.drawn = false;
  }

  private draw(): void {
    if (!this.current) {
      this.clear();
      return;
    }
    const text = progressText(this.current);
    const width = (this.options.output as { columns?: number }).columns ?? 80;
    const line = text.length >= width ? `${text.slice(0, Math.max(0, width - 2))}…` : text;
    this.options.output.write(`${CLEAR_LINE}${this.options.colors ? `\x1b[2m${line}\x1b[22m` : line}`);
    this.drawn = true;
  }
}

function changedState(before: WaitProgress | undefined, after: WaitProgress): boolean {
  if (!before) return true;
  return before.targets.map((t) => t.state).join('\0') !== after.targets.map((t) => t.state).join('\0');
}

import { clearScreenDown, cursorTo, moveCursor } from 'node:readline';
import type { REPLServer } from 'node:repl';

/** While a line is being evaluated: write at once, or wait for the next prompt. */
export type WhenBusy = 'now' | 'next-prompt';

/** readline's record of how many rows the cursor sits below the prompt's first row. */
interface PromptRows {
  prevRows?: number;
}

/**
 * Writes lines that arrive on their own time (the identity the banner does not wait for,
 * `--verbose` events of background calls) without disturbing the prompt: above it, with
 * the prompt and whatever is being typed redrawn below and the cursor where it was. While
 * a line is being evaluated there is no prompt: text is written as it comes, or waits for
 * the next prompt if asked to. After the REPL closed it is dropped.
 *
 * Install it right after `start()`, while the first prompt is on the screen. It holds text
 * back until `release()`, because redrawing the prompt resumes input, which must wait
 * until history is set up.
 */
export class AbovePrompt {
  private atPrompt = true;
  private held = true;
  private closed = false;
  private waiting: { text: string; whenBusy: WhenBusy }[] = [];

  constructor(private readonly repl: REPLServer) {
    // Ahead of the REPL's own listener, which may evaluate and show the next prompt at once.
    repl.prependListener('line', () => {
      this.atPrompt = false;
    });
    repl.once('exit', () => {
      this.closed = true;
    });
    // Every way back to the prompt (a result, an error, Ctrl+C, a dot-command) goes through it.
    const display = repl.displayPrompt.bind(repl);
    repl.displayPrompt = (preserveCursor?: boolean) => {
      display(preserveCursor);
      this.atPrompt = true;
      this.flush();
    };
  }

  /**
   * Writes `text` (one or more lines) above the prompt; while there is none, in the flow of
   * output (`now`: events of the call being evaluated) or above the next prompt.
   */
  write(text: string, whenBusy: WhenBusy = 'now'): void {
    if (this.closed) return;
    this.waiting.push({ text, whenBusy });
    this.flush();
  }

  /** True while the prompt is on the screen (no line is being evaluated). */
  get promptShown(): boolean {
    return this.atPrompt && !this.closed;
  }

  /** Input may flow: what was held back is written now. */
  release(): void {
    this.held = false;
    this.flush();
  }

  private flush(): void {
    if (this.held || this.closed || !this.waiting.length) return;
    const { repl } = this;
    const output = repl.output;
    if (!this.atPrompt) {
      for (const item of this.waiting) if (item.whenBusy === 'now') output.write(`${item.text}\n`);
      this.waiting = this.waiting.filter((item) => item.whenBusy !== 'now');
      return;
    }
    const text = this.waiting.map((item) => item.text).join('\n');
    this.waiting = [];
    if (!repl.terminal) {
      // Nothing to redraw in place: end the prompt's line and show the prompt again.
      output.write(`\n${text}\n`);
    } else {
      // Back to the prompt's first row (typed text may wrap), clear it and what follows,
      // write the text there; readline then redraws prompt and line from the row below.
      moveCursor(output, 0, -repl.getCursorPos().rows);
      cursorTo(output, 0);
      clearScreenDown(output);
      output.write(`${text.replaceAll('\n', '\r\n')}\r\n`);
      (repl as unknown as PromptRows).prevRows = 0;
    }
    repl.displayPrompt(true);
  }
}

import { createInterface } from 'node:readline';
import type { REPLServer } from 'node:repl';
import { PassThrough } from 'node:stream';

/**
 * Input for a REPL fed from a pipe (`cmlsh < lines.txt`): one line at a time, the next
 * only once the REPL shows its prompt again. Node's REPL pauses its input while a line
 * awaits, but lines already read from a pipe arrive all at once: without pacing, every
 * line would run at the same time, results would come out of order, and the end of the
 * pipe would close the shell (and the demo's emulator) while calls were still running.
 * The stream ends after the last line has been evaluated.
 */
export class PacedInput {
  readonly stream = new PassThrough();
  private readonly lines: string[] = [];
  private ended = false;
  private inFlight = false;
  private repl: REPLServer | undefined;

  constructor(source: NodeJS.ReadableStream) {
    const reader = createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY });
    reader.on('line', (line) => {
      this.lines.push(line);
      this.next();
    });
    reader.on('close', () => {
      this.ended = true;
      this.next();
    });
  }

  /** Starts feeding `repl`: a line each time it is back at its prompt. */
  attach(repl: REPLServer): void {
    this.repl = repl;
    // Ahead of the REPL's own listener, which may evaluate and show the prompt at once.
    repl.prependListener('line', () => {
      this.inFlight = false;
    });
    const display = repl.displayPrompt.bind(repl);
    repl.displayPrompt = (preserveCursor?: boolean) => {
      display(preserveCursor);
      // On a turn of its own: the prompt may be shown from inside the finish of a line that
      // awaited, and a next line that throws at once, evaluated there, met Node's REPL with
      // its domain already left (`TypeError ... process.domain.exit()`: the shell ended).
      setImmediate(() => this.next());
    };
    this.next();
  }

  private next(): void {
    if (!this.repl || this.inFlight || this.stream.writableEnded) return;
    const line = this.lines.shift();
    if (line !== undefined) {
      this.inFlight = true;
      this.stream.write(`${line}\n`);
    } else if (this.ended) {
      this.stream.end();
    }
  }
}

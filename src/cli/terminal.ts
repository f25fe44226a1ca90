import { closeSync, openSync } from 'node:fs';
import tty from 'node:tty';
import { CmlUsageError } from '../errors/index.js';

/** The controlling terminal, opened apart from stdin and stdout. */
export interface ControllingTerminal {
  readonly input: tty.ReadStream;
  readonly output: tty.WriteStream;
  /** Lets go of both streams, so the process can end. */
  close(): void;
}

/**
 * Opens the process's controlling terminal (`/dev/tty`) for reading and writing: where a
 * person still types and looks when stdin carried a key or stdout goes to a file. Returns
 * undefined when there is none (cron, CI, `setsid`, Windows).
 */
export function openControllingTerminal(): ControllingTerminal | undefined {
  const fds: number[] = [];
  try {
    fds.push(openSync('/dev/tty', 'r'));
    fds.push(openSync('/dev/tty', 'w'));
  } catch {
    for (const fd of fds) closeSync(fd);
    return undefined;
  }
  const [readFd = -1, writeFd = -1] = fds;
  const input = new tty.ReadStream(readFd);
  const output = new tty.WriteStream(writeFd);
  return {
    input,
    output,
    close() {
      if (input.isRaw) input.setRawMode(false);
      input.destroy();
      output.destroy();
    },
  };
}

/**
 * The controlling terminal, or a usage error saying why the command needs one.
 * @throws CmlUsageError with `why` when the process has no terminal.
 */
export function requireTerminal(why: string): ControllingTerminal {
  const terminal = openControllingTerminal();
  if (!terminal) throw new CmlUsageError(why);
  return terminal;
}

import type { REPLServer } from 'node:repl';

type Listener = (...args: unknown[]) => void;

interface TtyInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?: (mode: boolean) => unknown;
  ref?: () => unknown;
}

/**
 * Lends the terminal to a full-screen program (the ink browser) and takes it back.
 *
 * While it runs, readline must not see the keys: ink reads stdin through 'readable', but
 * readline decodes the same bytes from 'data' into 'keypress' events, and the REPL would
 * buffer them (it is paused during `await`) and replay them at the prompt afterwards. So
 * the keypress listeners are taken off for the duration. Afterwards raw mode, the stream's
 * flow and its ref (ink unrefs stdin on exit) are restored, so history, completion and
 * Ctrl+C keep working.
 */
export async function withTerminal<T>(repl: REPLServer, run: () => Promise<T>): Promise<T> {
  const input = repl.input as TtyInput;
  const wasRaw = Boolean(input.isRaw);
  const keypress = input.listeners('keypress') as Listener[];
  input.removeAllListeners('keypress');
  try {
    return await run();
  } finally {
    for (const listener of keypress) input.on('keypress', listener);
    if (input.isTTY && typeof input.setRawMode === 'function') input.setRawMode(wasRaw);
    input.ref?.();
    input.resume();
  }
}

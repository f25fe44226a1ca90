import { once } from 'node:events';
import { CmlAbortError } from '../../errors/index.js';

/** A place results are written to, in large writes, respecting backpressure so memory stays flat. */
export interface Sink {
  /**
   * Queues whole items of text; they go out once about 64 KB have gathered, or on `flush()`.
   * Bytes (a download) go out at once, after what was queued.
   * @throws CmlAbortError once the signal has fired.
   */
  write(text: string | Uint8Array): Promise<void>;
  /** Writes what is queued. Callers flush at the end of a page and at the end of the output. */
  flush(): Promise<void>;
  /**
   * From now on writes go out even after the signal fired: an item writer closing what it
   * opened (the `]` of a JSON array) after Ctrl+C. What was queued is whole items, and goes too.
   */
  closing(): void;
  /** Columns of the terminal, when it is one. */
  readonly columns: number | undefined;
}

/** Text gathered before one real write: 3,000 items of JSON become a handful of syscalls. */
const CHUNK = 64 * 1024;

const DONE = Promise.resolve();

/**
 * Wraps a stream: text gathers in a buffer and goes out in one `write` at a time, which
 * waits for 'drain' when the stream's buffer is full. Once `signal` fires nothing more is
 * written (until `closing()`), and every call throws CmlAbortError: what is on the stream
 * after Ctrl+C is whole items only.
 */
export function streamSink(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
  signal?: AbortSignal,
): Sink {
  let queued = '';
  let closing = false;
  const stopped = () => Boolean(signal?.aborted) && !closing;
  const put = async (data: string | Uint8Array) => {
    if (stopped()) throw new CmlAbortError();
    if (!stream.write(data)) await once(stream, 'drain', signal && !closing ? { signal } : {});
  };
  const flush = () => {
    if (queued === '') return stopped() ? Promise.reject(new CmlAbortError()) : DONE;
    const text = queued;
    queued = '';
    return put(text);
  };
  return {
    columns: stream.isTTY ? stream.columns : undefined,
    write(text) {
      if (stopped()) return Promise.reject(new CmlAbortError());
      if (typeof text !== 'string') return flush().then(() => put(text));
      queued += text;
      return queued.length >= CHUNK ? flush() : DONE;
    },
    flush,
    closing() {
      closing = true;
    },
  };
}

import { once } from 'node:events';
import { CmlAbortError } from '../../errors/index.js';

/** A place results are written to, respecting backpressure so memory stays flat. */
export interface Sink {
  write(text: string | Uint8Array): Promise<void>;
  /** Columns of the terminal, when it is one. */
  readonly columns: number | undefined;
}

/**
 * Wraps a stream: each write waits for 'drain' when the stream's buffer is full, and stops
 * with CmlAbortError once `signal` fires, so nothing is written after Ctrl+C.
 */
export function streamSink(stream: NodeJS.WriteStream, signal?: AbortSignal): Sink {
  return {
    columns: stream.isTTY ? stream.columns : undefined,
    async write(text) {
      if (signal?.aborted) throw new CmlAbortError();
      if (!stream.write(text)) await once(stream, 'drain');
    },
  };
}

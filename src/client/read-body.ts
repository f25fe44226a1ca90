import { formatBytes } from './format-bytes.js';
import type { WireResponse } from './wire.js';

/** Why reading a body stopped, for the transport to turn into the right error. */
export class BodyError extends Error {
  override name = 'BodyError';
  /** True when the bytes were cut short by the network (another try may help). */
  readonly transient: boolean;

  constructor(message: string, transient: boolean, options?: ErrorOptions) {
    super(message, options);
    this.transient = transient;
  }
}

/**
 * Reads a response body up to `limit` bytes, stopping as soon as it is known to be larger
 * (by Content-Length or by counting), so an endless or huge answer never fills memory.
 * A read that fails midway is a BodyError; an abort (timeout, Ctrl+C) rejects with the
 * signal's reason, as fetch does.
 */
export async function readBody(
  response: WireResponse,
  limit: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body[Symbol.asyncIterator]();
  // The wire's cancel for a body not yet read from; a body being read (a web stream is then
  // locked to its iterator) is stopped by ending the iteration.
  const drop = () => {
    response.cancel();
    Promise.resolve(reader.return?.()).catch(() => {});
  };
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    drop();
    throw tooLarge(limit);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.next();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        drop();
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BodyError) throw error;
    if (signal.aborted) throw signal.reason;
    throw new BodyError(`the answer was cut off (${(error as Error).message})`, true, { cause: error });
  }
  return concat(chunks, total);
}

function tooLarge(limit: number): BodyError {
  return new BodyError(`sent an answer larger than the ${formatBytes(limit)} limit`, false);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { GrpcCode, HttpFailure, runtimeError } from './http-failure.js';

/** The largest request body the emulator reads (64 MiB), unless told otherwise. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

const tooLarge = (max: number) =>
  new HttpFailure(413, GrpcCode.resourceExhausted, `request body too large: the limit is ${max} bytes`);

/**
 * Reads a request body.
 * @throws HttpFailure 413 past `max` bytes, at once when Content-Length says so. The rest of
 *   the body is left to node:http, which reads and discards it after the answer, so the
 *   client gets a 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      reject(tooLarge(max));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        req.off('data', onData);
        req.resume();
        reject(tooLarge(max));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Sends bytes with a content length; `cut` announces the whole length, sends the first
 * half and hangs up, as a connection lost mid-answer does.
 */
export function send(
  res: ServerResponse,
  status: number,
  body: Buffer,
  headers: Readonly<Record<string, string>>,
  cut = false,
): void {
  res.writeHead(status, { ...headers, 'content-length': String(body.length) });
  if (cut) res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
  else res.end(body);
}

/** Sends JSON. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  extra: Readonly<Record<string, string>> = {},
  cut = false,
): void {
  send(
    res,
    status,
    Buffer.from(JSON.stringify(value)),
    { 'content-type': 'application/json', ...extra },
    cut,
  );
}

/** Sends a runtimeError body. */
export function sendFailure(
  res: ServerResponse,
  failure: HttpFailure,
  extra: Readonly<Record<string, string>> = {},
): void {
  sendJson(res, failure.status, runtimeError(failure.code, failure.message), extra);
}

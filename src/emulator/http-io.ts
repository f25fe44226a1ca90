import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpFailure, runtimeError } from './http-failure.js';

const MAX_BODY = 64 * 1024 * 1024;

/** Reads a request body. @throws HttpFailure 413 past 64 MiB. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpFailure(413, 8, 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
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

import { badRequest } from './http-failure.js';

/**
 * Page tokens are opaque to clients: base64url of the next offset and a fingerprint of the
 * query, so a token used with another filter or sort is refused rather than misread.
 */
export function encodePageToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

/**
 * Reads a page token back into an offset.
 * @throws HttpFailure 400 when the token is not one of ours or belongs to another query.
 */
export function decodePageToken(token: string, fingerprint: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('invalid page token');
  }
  const record = parsed as { o?: unknown; f?: unknown } | null;
  if (!record || typeof record.o !== 'number' || !Number.isInteger(record.o) || record.o < 0) {
    throw badRequest('invalid page token');
  }
  if (record.f !== fingerprint)
    throw badRequest('page token does not match the search filter or sort of this query');
  return record.o;
}

/** A short stable fingerprint of the parts of a query a token is bound to. */
export function queryFingerprint(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

import type { IncomingHttpHeaders } from 'node:http';
import { GrpcCode, HttpFailure } from './http-failure.js';

/**
 * Checks `Authorization: Bearer <key>` against the accepted keys.
 * @returns the key.
 * @throws HttpFailure 401 (gRPC 16 UNAUTHENTICATED) when missing or not accepted.
 */
export function requireBearer(headers: IncomingHttpHeaders, tokens: ReadonlySet<string>): string {
  const header = headers.authorization;
  if (!header)
    throw new HttpFailure(
      401,
      GrpcCode.unauthenticated,
      'missing Authorization header: send "Bearer <API key>"',
    );
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1] || !tokens.has(match[1])) {
    throw new HttpFailure(401, GrpcCode.unauthenticated, 'invalid API key');
  }
  return match[1];
}

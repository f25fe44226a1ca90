import { BodyError } from './read-body.js';
import type { WireHeaders } from './wire.js';

/**
 * JSON when the server says so (or it looks like JSON); raw bytes otherwise (downloads).
 * JSON that does not parse or nests deeper than `maxDepth` is refused for a success (the
 * caller could not use it) and kept as bytes for an error answer (they become its message).
 */
export function decodeBody(headers: WireHeaders, bytes: Uint8Array, ok: boolean, maxDepth: number): unknown {
  const type = headers.get('content-type') ?? '';
  const looksJson = type.includes('json') || (!type && (bytes[0] === 0x7b || bytes[0] === 0x5b));
  const raw = () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!looksJson) return raw();
  if (bytes.byteLength === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    if (!ok) return raw();
    throw new BodyError(`sent invalid JSON (${(error as Error).message})`, false, { cause: error });
  }
  if (deeperThan(value, maxDepth)) {
    if (!ok) return raw();
    throw new BodyError(`sent invalid JSON (nested deeper than ${maxDepth} levels)`, false);
  }
  return value;
}

/**
 * Whether arrays and objects nest deeper than `limit`: JSON.parse itself copes with any
 * depth, but printing or serialising such a value overflows the stack. Walked on the parsed
 * value, which visits each container once and stops at the limit: counting brackets on the
 * bytes instead cost as much as the parse itself for a page of 100 projects.
 */
function deeperThan(value: unknown, limit: number, depth = 1): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (const item of value)
      if (typeof item === 'object' && item !== null && deeperThan(item, limit, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null && deeperThan(item, limit, depth + 1)) return true;
  }
  return false;
}

import { BodyError } from './read-body.js';

/**
 * JSON when the server says so (or it looks like JSON); raw bytes otherwise (downloads).
 * JSON that does not parse or nests deeper than `maxDepth` is refused for a success (the
 * caller could not use it) and kept as bytes for an error answer (they become its message).
 */
export function decodeBody(headers: Headers, bytes: Uint8Array, ok: boolean, maxDepth: number): unknown {
  const type = headers.get('content-type') ?? '';
  const looksJson = type.includes('json') || (!type && (bytes[0] === 0x7b || bytes[0] === 0x5b));
  const raw = () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!looksJson) return raw();
  if (bytes.byteLength === 0) return {};
  const depth = nestingDepth(bytes, maxDepth);
  if (depth > maxDepth) {
    if (!ok) return raw();
    throw new BodyError(`sent invalid JSON (nested deeper than ${maxDepth} levels)`, false);
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    if (!ok) return raw();
    throw new BodyError(`sent invalid JSON (${(error as Error).message})`, false, { cause: error });
  }
}

/**
 * How deep arrays and objects nest, counted on the bytes before parsing (stops counting
 * past `stopAt`): JSON.parse itself copes with any depth, but printing or serialising such
 * a value overflows the stack.
 */
function nestingDepth(bytes: Uint8Array, stopAt: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth++;
      if (depth > max) max = depth;
      if (max > stopAt) return max;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return max;
}

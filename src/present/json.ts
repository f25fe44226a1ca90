/**
 * The one JSON encoder of results: bigints as strings (int64 ids survive), bytes as base64.
 * Tries without a replacer first: a replacer costs a call per key, twice the time of the
 * whole stringify for `call --all`, and data parsed from the wire holds neither.
 * `thorough` always uses it (a REPL value may hold a Buffer anywhere).
 */
export function toJson(value: unknown, indent?: number, options: { thorough?: boolean } = {}): string {
  if (value instanceof Uint8Array) return JSON.stringify(base64(value));
  if (!options.thorough) {
    try {
      return JSON.stringify(value ?? null, null, indent);
    } catch (error) {
      if (!(error instanceof TypeError) || /circular/i.test(error.message)) throw error;
    }
  }
  return JSON.stringify(value ?? null, replacer, indent);
}

/** A value as plain JSON data (class instances such as Page become their enumerable fields). */
export function plainData(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(toJson(value));
}

function replacer(_key: string, item: unknown): unknown {
  if (typeof item === 'bigint') return item.toString();
  if (item instanceof Uint8Array) return base64(item);
  if (
    item &&
    typeof item === 'object' &&
    'type' in item &&
    item.type === 'Buffer' &&
    'data' in item &&
    Array.isArray(item.data)
  ) {
    // Buffer#toJSON ran before the replacer saw it.
    return Buffer.from(item.data as number[]).toString('base64');
  }
  return item;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

import { resolveSchema } from '../spec/resolve-schema.js';
import type { Schema } from '../spec/types.js';

/**
 * Makes a stored or generated value fit a response schema: keeps declared fields only
 * (internal `__` fields and anything else undeclared are dropped), coerces what the wire
 * would coerce (numbers to int64 strings, objects to JSON strings) and leaves out values
 * that cannot fit rather than sending something the schema forbids.
 */
export function shapeValue(
  schema: Schema | undefined,
  value: unknown,
  definitions: Readonly<Record<string, Schema>>,
  depth = 0,
): unknown {
  if (value === null || value === undefined || depth > 32) return undefined;
  const s = resolveSchema(schema, definitions);
  const type = s.type ?? (s.properties || s.additionalProperties ? 'object' : undefined);
  const out = coerce(s, type, value, definitions, depth);
  if (out !== undefined && s.enum && !s.enum.includes(out)) return undefined;
  return out;
}

function coerce(
  s: Schema,
  type: string | undefined,
  value: unknown,
  definitions: Readonly<Record<string, Schema>>,
  depth: number,
): unknown {
  switch (type) {
    case 'string':
      return toText(s, value);
    case 'integer': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : undefined;
    }
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'array':
      if (!Array.isArray(value)) return undefined;
      return value
        .map((item) => shapeValue(s.items, item, definitions, depth + 1))
        .filter((v) => v !== undefined);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value)
        ? shapeObject(s, value as Record<string, unknown>, definitions, depth)
        : undefined;
    default:
      return value;
  }
}

function toText(s: Schema, value: unknown): string | undefined {
  if (s.format === 'int64') {
    const n = typeof value === 'string' ? Number(value) : value;
    return typeof n === 'number' && Number.isFinite(n) ? String(Math.trunc(n)) : undefined;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function shapeObject(
  s: Schema,
  value: Record<string, unknown>,
  definitions: Readonly<Record<string, Schema>>,
  depth: number,
): Record<string, unknown> {
  const properties = s.properties;
  const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
  if (!properties && !extra) return s.additionalProperties === true ? value : {};
  const out: Record<string, unknown> = {};
  if (properties) {
    for (const key in properties) {
      if (!(key in value)) continue;
      const shaped = shapeValue(properties[key], value[key], definitions, depth + 1);
      if (shaped !== undefined) out[key] = shaped;
    }
  }
  if (extra) {
    for (const key in value) {
      if (properties?.[key] || key.startsWith('__')) continue;
      const shaped = shapeValue(extra, value[key], definitions, depth + 1);
      if (shaped !== undefined) out[key] = shaped;
    }
  }
  return out;
}

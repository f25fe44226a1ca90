import { resolveSchema } from './resolve-schema.js';
import type { Schema } from './types.js';

/**
 * Checks a decoded JSON value against a Swagger 2.0 schema and lists what is wrong, one
 * problem a line (`projects[3].owner.email: expected string, got number`); empty = valid.
 * Checks types, enums, array items and, where an object declares `properties` and no
 * `additionalProperties`, that it carries no undeclared field. Formats are not policed
 * beyond int64-as-string holding an integer, because CML sends int64 as decimal strings.
 */
export function validateValue(
  schema: Schema | undefined,
  value: unknown,
  definitions: Readonly<Record<string, Schema>>,
): string[] {
  const problems: string[] = [];
  check(schema, value, definitions, '$', problems, 0);
  return problems;
}

function check(
  schema: Schema | undefined,
  value: unknown,
  definitions: Readonly<Record<string, Schema>>,
  at: string,
  problems: string[],
  depth: number,
): void {
  if (depth > 64) return;
  const s = resolveSchema(schema, definitions);
  const type = s.type ?? (s.properties || s.additionalProperties ? 'object' : undefined);
  if (value === null || value === undefined) {
    if (type !== undefined) problems.push(`${at}: expected ${type}, got ${String(value)}`);
    return;
  }
  if (type !== undefined && !hasType(type, value)) {
    problems.push(`${at}: expected ${type}, got ${kindOf(value)}`);
    return;
  }
  if (s.enum && !s.enum.includes(value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${s.enum.join(', ')}`);
  }
  if (type === 'string' && s.format === 'int64' && !/^-?\d+$/.test(value as string)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not an int64 string`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      check(s.items, item, definitions, `${at}[${i}]`, problems, depth + 1);
    });
    return;
  }
  if (typeof value === 'object')
    checkObject(s, value as Record<string, unknown>, definitions, at, problems, depth);
}

function checkObject(
  s: Schema,
  value: Record<string, unknown>,
  definitions: Readonly<Record<string, Schema>>,
  at: string,
  problems: string[],
  depth: number,
): void {
  const properties = s.properties;
  const extra = s.additionalProperties;
  for (const [key, field] of Object.entries(value)) {
    const declared = properties?.[key];
    if (declared) check(declared, field, definitions, `${at}.${key}`, problems, depth + 1);
    else if (extra && typeof extra === 'object')
      check(extra, field, definitions, `${at}.${key}`, problems, depth + 1);
    else if (properties && extra === undefined) problems.push(`${at}.${key}: not declared by the schema`);
  }
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

import type { Schema } from './types.js';

/** Name of the definition a `$ref` points at: "#/definitions/Job" -> "Job". */
export function refName(schema: Schema | undefined): string | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/definitions/')
    ? ref.slice('#/definitions/'.length)
    : undefined;
}

/**
 * Follows `$ref`s until a concrete schema. Unknown refs give an empty schema rather than
 * throwing: a workspace spec with a dangling ref should still load the rest.
 */
export function resolveSchema(
  schema: Schema | undefined,
  definitions: Readonly<Record<string, Schema>>,
): Schema {
  let current: Schema = isSchema(schema) ? schema : {};
  for (let depth = 0; current.$ref && depth < 32; depth++) {
    const name = refName(current);
    const next = name ? definitions[name] : undefined;
    current = isSchema(next) ? next : {};
  }
  return current;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

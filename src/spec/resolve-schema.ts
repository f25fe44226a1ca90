import type { Schema } from './types.js';

/** Name of the definition a `$ref` points at: "#/definitions/Job" -> "Job". */
export function refName(schema: Schema | undefined): string | undefined {
  const ref = schema?.$ref;
  return ref?.startsWith('#/definitions/') ? ref.slice('#/definitions/'.length) : undefined;
}

/**
 * Follows `$ref`s until a concrete schema. Unknown refs give an empty schema rather than
 * throwing: a workspace spec with a dangling ref should still load the rest.
 */
export function resolveSchema(
  schema: Schema | undefined,
  definitions: Readonly<Record<string, Schema>>,
): Schema {
  let current = schema ?? {};
  for (let depth = 0; current.$ref && depth < 32; depth++) {
    const name = refName(current);
    current = (name && definitions[name]) || {};
  }
  return current;
}

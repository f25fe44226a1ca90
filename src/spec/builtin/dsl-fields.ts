import type { SwaggerSchema } from '../swagger-types.js';

/**
 * Field and model constructors for the builtin description. Each returns the Swagger 2.0
 * schema the real CML spec uses for that kind of field, so the resource files read like a
 * table of `name: type('what it is')` rows instead of nested JSON.
 */

type Described = { description?: string };

function described(description: string | undefined): Described {
  return description === undefined ? {} : { description };
}

/** A plain string field. */
export function str(description?: string): SwaggerSchema {
  return { type: 'string', ...described(description) };
}

/** A boolean; CML's spec also states `format: boolean`, so we do too. */
export function bool(description?: string): SwaggerSchema {
  return { type: 'boolean', format: 'boolean', ...described(description) };
}

/** A 32-bit integer. */
export function int32(description?: string): SwaggerSchema {
  return { type: 'integer', format: 'int32', ...described(description) };
}

/** A 64-bit integer, which the gRPC gateway sends as a JSON string (`"3600"`). */
export function int64String(description?: string): SwaggerSchema {
  return { type: 'string', format: 'int64', ...described(description) };
}

/** A floating-point number (cpu cores, memory in GB). */
export function double(description?: string): SwaggerSchema {
  return { type: 'number', format: 'double', ...described(description) };
}

/** An RFC 3339 timestamp. */
export function dateTime(description?: string): SwaggerSchema {
  return { type: 'string', format: 'date-time', ...described(description) };
}

/** A string-to-string map, e.g. environment variables in a create request. */
export function strMap(description?: string): SwaggerSchema {
  return { type: 'object', additionalProperties: { type: 'string' }, ...described(description) };
}

/** An array of strings. */
export function strArray(description?: string): SwaggerSchema {
  return { type: 'array', items: { type: 'string' }, ...described(description) };
}

/** A reference to another definition by name. */
export function ref(model: string): SwaggerSchema {
  return { $ref: `#/definitions/${model}` };
}

/** An array of another definition. */
export function arrayOf(model: string, description?: string): SwaggerSchema {
  return { type: 'array', items: ref(model), ...described(description) };
}

/** A named string enum (EngineStatus...); the first value is the default, as in CML. */
export function strEnum(description: string, values: readonly [string, ...string[]]): SwaggerSchema {
  return { type: 'string', enum: values, default: values[0], description };
}

/** An object definition. */
export function model(description: string, properties: Record<string, SwaggerSchema> = {}): SwaggerSchema {
  return Object.keys(properties).length === 0
    ? { type: 'object', description }
    : { type: 'object', properties, description };
}

/** A page of a list operation: one array of `itemModel` and the token of the next page. */
export function listResponse(itemsField: string, itemModel: string): SwaggerSchema {
  return model(`A page of ${itemsField}.`, {
    [itemsField]: arrayOf(itemModel),
    next_page_token: str('Token of the next page; empty on the last one.'),
  });
}

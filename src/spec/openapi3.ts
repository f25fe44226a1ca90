import type { SwaggerDocument, SwaggerParameter, SwaggerSchema } from './swagger-types.js';

/**
 * Reads an OpenAPI 3 document into the Swagger 2.0 shape the normaliser knows, so both
 * versions end in the same operation table. Only what cmlsh uses is carried over:
 * parameters, JSON and multipart request bodies, the success response, component schemas.
 */
export function openApi3ToSwagger(doc: Record<string, unknown>): SwaggerDocument {
  const components = record(doc.components);
  const definitions = rewriteRefs(record(components.schemas)) as Record<string, SwaggerSchema>;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, rawItem] of Object.entries(record(doc.paths))) {
    const item = record(rawItem);
    const shared = list(item.parameters).map((p) => parameter(p, components));
    const converted: Record<string, unknown> = shared.length ? { parameters: shared } : {};
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = record(item[method]);
      if (!item[method]) continue;
      converted[method] = operation(op, components);
    }
    paths[path] = converted;
  }
  const info = record(doc.info);
  return {
    swagger: '2.0',
    info: { title: String(info.title ?? 'API'), version: String(info.version ?? 'unknown') },
    paths: paths as SwaggerDocument['paths'],
    definitions,
  };
}

function operation(op: Record<string, unknown>, components: Record<string, unknown>) {
  const parameters: unknown[] = list(op.parameters).map((p) => parameter(p, components));
  const body = resolveComponent(record(op.requestBody), components, 'requestBodies');
  const content = record(body.content);
  let consumes: string[] | undefined;
  const json = record(content['application/json']);
  const multipart = record(content['multipart/form-data']);
  if (content['multipart/form-data']) {
    consumes = ['multipart/form-data'];
    const schema = record(rewriteRefs(multipart.schema));
    const required = new Set(list(schema.required).map(String));
    for (const [name, field] of Object.entries(record(schema.properties))) {
      const f = record(field);
      const isFile = f.format === 'binary' || f.type === 'file';
      parameters.push({
        name,
        in: 'formData',
        type: isFile ? 'file' : (f.type ?? 'string'),
        required: required.has(name),
        ...(typeof f.description === 'string' ? { description: f.description } : {}),
      });
    }
  } else if (content['application/json'] || Object.keys(content).length) {
    const schema = json.schema ?? record(Object.values(content)[0]).schema;
    parameters.push({
      name: 'body',
      in: 'body',
      required: body.required === true,
      schema: rewriteRefs(schema ?? {}),
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, raw] of Object.entries(record(op.responses))) {
    const response = resolveComponent(record(raw), components, 'responses');
    const schema = record(record(response.content)['application/json']).schema;
    responses[status] = {
      description: String(response.description ?? ''),
      ...(schema ? { schema: rewriteRefs(schema) } : {}),
    };
  }
  return {
    ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
    ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
    ...(typeof op.description === 'string' ? { description: op.description } : {}),
    ...(consumes ? { consumes } : {}),
    parameters,
    responses,
  };
}

function parameter(raw: unknown, components: Record<string, unknown>): SwaggerParameter {
  const p = resolveComponent(record(raw), components, 'parameters');
  const schema = record(rewriteRefs(p.schema));
  const items = record(schema.items);
  return {
    name: String(p.name),
    in: p.in as SwaggerParameter['in'],
    required: p.required === true,
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
    ...(typeof schema.type === 'string' ? { type: schema.type } : {}),
    ...(typeof schema.format === 'string' ? { format: schema.format } : {}),
    ...(Array.isArray(schema.enum) ? { enum: schema.enum } : {}),
    ...(schema.items ? { items: items as SwaggerSchema } : {}),
    ...(schema.type === 'array' ? { collectionFormat: p.explode === false ? 'csv' : 'multi' } : {}),
  } as SwaggerParameter;
}

/** Follows a `#/components/<kind>/<name>` reference of a parameter, body or response. */
function resolveComponent(value: Record<string, unknown>, components: Record<string, unknown>, kind: string) {
  const ref = value.$ref;
  const prefix = `#/components/${kind}/`;
  if (typeof ref === 'string' && ref.startsWith(prefix))
    return record(record(components[kind])[ref.slice(prefix.length)]);
  return value;
}

/** Schema references move from components/schemas to definitions; nullable and oneOf are dropped. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string')
      out.$ref = inner.replace('#/components/schemas/', '#/definitions/');
    else if (key !== 'nullable') out[key] = rewriteRefs(inner);
  }
  return out;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

// biome-ignore-all lint/suspicious/noExplicitAny: walks an untyped JSON document in a test helper.
/**
 * Converts a Swagger 2.0 document to OpenAPI 3.0 the way common converters do, so a test
 * can prove cmlsh reads both into the same operation table. Test-only.
 */
export function toOpenApi3(doc: Record<string, any>): Record<string, unknown> {
  const refs = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value ?? {}).replaceAll('#/definitions/', '#/components/schemas/'));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    paths[path] = {};
    for (const [method, op] of Object.entries<Record<string, any>>(item)) {
      const params = (op.parameters ?? []) as Record<string, any>[];
      const plain = params.filter((p) => p.in === 'path' || p.in === 'query');
      const body = params.find((p) => p.in === 'body');
      const form = params.filter((p) => p.in === 'formData');
      const converted: Record<string, unknown> = {
        operationId: op.operationId,
        summary: op.summary,
        parameters: plain.map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required ?? false,
          description: p.description,
          schema: { type: p.type, format: p.format, enum: p.enum, items: p.items },
          ...(p.collectionFormat === 'multi' ? { explode: true } : {}),
        })),
        responses: Object.fromEntries(
          Object.entries<Record<string, any>>(op.responses ?? {}).map(([status, r]) => [
            status,
            {
              description: r.description ?? '',
              ...(r.schema ? { content: { 'application/json': { schema: refs(r.schema) } } } : {}),
            },
          ]),
        ),
      };
      if (body)
        converted.requestBody = {
          required: body.required ?? false,
          content: { 'application/json': { schema: refs(body.schema) } },
        };
      if (form.length) {
        converted.requestBody = {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: Object.fromEntries(
                  form.map((p) => [p.name, { type: 'string', format: 'binary', description: p.description }]),
                ),
                required: form.filter((p) => p.required).map((p) => p.name),
              },
            },
          },
        };
      }
      paths[path][method] = converted;
    }
  }
  return { openapi: '3.0.3', info: doc.info, paths, components: { schemas: refs(doc.definitions) } };
}

import { describe, expect, it } from 'vitest';
import { normaliseSpec, type Operation } from '../../src/spec/index.js';
import { realSpec, realSpecDocument } from '../helpers/real-spec.js';
import { toOpenApi3 } from '../helpers/to-openapi3.js';

/** What an operation means to cmlsh, without the schemas' reference spelling. */
function essence(op: Operation) {
  return {
    operationId: op.operationId,
    name: op.name,
    pythonName: op.pythonName,
    method: op.method,
    path: op.path,
    multipart: op.multipart,
    params: op.params.map((p) => [
      p.wireName,
      p.in,
      p.type,
      p.format ?? null,
      p.required,
      p.enum ?? null,
      p.json,
      p.itemType ?? null,
    ]),
    body: op.body?.model ?? null,
    response: op.response.model ?? null,
    list: op.list ?? null,
    filterKeys: op.filterKeys,
    sortKeys: op.sortKeys,
  };
}

describe('an OpenAPI 3 spec', () => {
  it('reads into the same operation table as the Swagger 2.0 original (the real spec, converted)', () => {
    const converted = toOpenApi3(realSpecDocument() as Record<string, unknown>);
    const fromOas3 = normaliseSpec(converted, 'converted');
    expect(fromOas3.version).toBe('26.06.13');
    expect(fromOas3.operations.map(essence)).toEqual(realSpec().operations.map(essence));
    expect(Object.keys(fromOas3.definitions)).toEqual(Object.keys(realSpec().definitions));
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CmlSpecError } from '../../src/errors/index.js';
import { compileSwagger } from '../../src/spec/builtin/compile.js';
import { getOp } from '../../src/spec/builtin/dsl-operations.js';
import { BUILTIN_CHECKED_AGAINST, builtinSwagger } from '../../src/spec/builtin/index.js';
import { normaliseSpec } from '../../src/spec/normalise.js';
import type {
  SwaggerDocument,
  SwaggerOperation,
  SwaggerParameter,
  SwaggerSchema,
} from '../../src/spec/swagger-types.js';

// The proof that cmlsh's own description is a faithful subset of the real CML API v2 spec:
// each check returns the list of disagreements, so a failure names exactly what differs.

const realPath = fileURLToPath(new URL('../../../shared/cml-api-v2/swagger.json', import.meta.url));
const real = JSON.parse(readFileSync(realPath, 'utf8')) as SwaggerDocument;
const builtin = builtinSwagger();
const realSpec = normaliseSpec(real, 'real');
const builtinSpec = normaliseSpec(builtin, 'builtin');

interface Located {
  readonly path: string;
  readonly method: string;
  readonly op: SwaggerOperation;
}

function operations(doc: SwaggerDocument): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (op && typeof op === 'object' && 'operationId' in op && op.operationId) {
        found.set(op.operationId, { path, method, op });
      }
    }
  }
  return found;
}

const realOps = operations(real);
const builtinOps = [...operations(builtin).entries()];
const realDefs = real.definitions ?? {};
const builtinDefs = builtin.definitions ?? {};

function modelName(schema: SwaggerSchema | undefined): string {
  return schema?.$ref?.replace('#/definitions/', '') ?? '(none)';
}

/** Where `mine` says something about a schema that `theirs` does not agree with. */
function schemaDiff(where: string, mine: SwaggerSchema, theirs: SwaggerSchema | undefined): string[] {
  if (!theirs) return [`${where}: not in the real spec`];
  const problems: string[] = [];
  for (const key of ['type', 'format', '$ref'] as const) {
    if (mine[key] !== theirs[key]) {
      problems.push(`${where}: ${key} is ${String(mine[key])}, real has ${String(theirs[key])}`);
    }
  }
  const extraEnum = (mine.enum ?? []).filter((value) => !(theirs.enum ?? []).includes(value));
  if (extraEnum.length) problems.push(`${where}: enum values not in the real spec: ${extraEnum.join(', ')}`);
  if (mine.items) problems.push(...schemaDiff(`${where}[]`, mine.items, theirs.items));
  if (typeof mine.additionalProperties === 'object') {
    const theirsMap =
      typeof theirs.additionalProperties === 'object' ? theirs.additionalProperties : undefined;
    problems.push(...schemaDiff(`${where}{}`, mine.additionalProperties, theirsMap));
  }
  for (const [field, schema] of Object.entries(mine.properties ?? {})) {
    problems.push(...schemaDiff(`${where}.${field}`, schema, theirs.properties?.[field]));
  }
  for (const field of mine.required ?? []) {
    if (!theirs.required?.includes(field))
      problems.push(`${where}: ${field} is required only in the builtin`);
  }
  return problems;
}

function paramDiff(id: string, mine: SwaggerParameter, theirs: SwaggerParameter | undefined): string[] {
  const where = `${id} parameter ${mine.name} (${mine.in})`;
  if (!theirs) return [`${where}: not in the real spec`];
  const problems: string[] = [];
  for (const key of ['type', 'format'] as const) {
    if (mine[key] !== theirs[key]) {
      problems.push(`${where}: ${key} is ${String(mine[key])}, real has ${String(theirs[key])}`);
    }
  }
  if ((mine.required ?? false) !== (theirs.required ?? false)) {
    problems.push(`${where}: required is ${String(mine.required)}, real has ${String(theirs.required)}`);
  }
  if (modelName(mine.schema) !== modelName(theirs.schema)) {
    problems.push(`${where}: model is ${modelName(mine.schema)}, real has ${modelName(theirs.schema)}`);
  }
  return problems;
}

function operationDiff(id: string, mine: Located): string[] {
  const theirs = realOps.get(id);
  if (!theirs) return [`${id}: no such operationId in the real spec`];
  const problems: string[] = [];
  if (mine.path !== theirs.path) problems.push(`${id}: path is ${mine.path}, real has ${theirs.path}`);
  if (mine.method !== theirs.method)
    problems.push(`${id}: method is ${mine.method}, real has ${theirs.method}`);
  for (const param of mine.op.parameters ?? []) {
    const match = theirs.op.parameters?.find((p) => p.name === param.name && p.in === param.in);
    problems.push(...paramDiff(id, param, match));
  }
  const missingPath = (theirs.op.parameters ?? []).filter(
    (p) =>
      (p.in === 'path' || p.in === 'body' || p.required) &&
      !mine.op.parameters?.some((m) => m.name === p.name),
  );
  for (const p of missingPath) problems.push(`${id}: lacks the real ${p.in} parameter ${p.name}`);
  if (String(mine.op.consumes ?? []) !== String(theirs.op.consumes ?? [])) {
    problems.push(`${id}: consumes ${String(mine.op.consumes)}, real ${String(theirs.op.consumes)}`);
  }
  for (const status of ['200', 'default']) {
    const a = modelName(mine.op.responses?.[status]?.schema);
    const b = modelName(theirs.op.responses?.[status]?.schema);
    if (a !== b) problems.push(`${id}: ${status} response model is ${a}, real has ${b}`);
  }
  return problems;
}

function refsIn(schema: SwaggerSchema | undefined): string[] {
  if (!schema) return [];
  const own = schema.$ref ? [modelName(schema)] : [];
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  return [
    ...own,
    ...refsIn(schema.items),
    ...refsIn(extra),
    ...Object.values(schema.properties ?? {}).flatMap(refsIn),
  ];
}

describe('the builtin description agrees with the real CML API v2 spec', () => {
  it('covers the core resources: at least 40 operations', () => {
    expect(builtinOps.length).toBeGreaterThanOrEqual(40);
  });

  it.each(builtinOps)('%s has the same path, method, parameters and models', (id, located) => {
    expect(operationDiff(id, located)).toEqual([]);
  });

  it.each(Object.entries(builtinDefs))('definition %s is a subset of the real one', (name, schema) => {
    expect(schemaDiff(name, schema, realDefs[name])).toEqual([]);
  });

  it('normalises into operations with the real names, list shapes and a subset of filter/sort keys', () => {
    const problems: string[] = [];
    for (const mine of builtinSpec.operations) {
      const theirs = realSpec.operations.find((op) => op.operationId === mine.operationId);
      if (!theirs) {
        problems.push(`${mine.operationId}: not in the normalised real spec`);
        continue;
      }
      const id = mine.operationId;
      if (mine.name !== theirs.name) problems.push(`${id}: name ${mine.name}, real ${theirs.name}`);
      if (mine.pythonName !== theirs.pythonName) problems.push(`${id}: pythonName ${mine.pythonName}`);
      if (JSON.stringify(mine.list) !== JSON.stringify(theirs.list)) {
        problems.push(`${id}: list shape ${JSON.stringify(mine.list)}, real ${JSON.stringify(theirs.list)}`);
      }
      if (mine.multipart !== theirs.multipart) problems.push(`${id}: multipart is ${mine.multipart}`);
      const extraFilter = mine.filterKeys.filter((key) => !theirs.filterKeys.includes(key));
      if (extraFilter.length)
        problems.push(`${id}: filter keys not in the real spec: ${extraFilter.join(' ')}`);
      const extraSort = mine.sortKeys.filter((key) => !theirs.sortKeys.includes(key));
      if (extraSort.length) problems.push(`${id}: sort keys not in the real spec: ${extraSort.join(' ')}`);
      for (const param of mine.params.filter((p) => p.in !== 'body')) {
        const match = theirs.params.find((p) => p.wireName === param.wireName && p.in === param.in);
        if (match?.pythonName !== param.pythonName) {
          problems.push(`${id}: parameter ${param.wireName} normalises differently`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('states filter and sort keys wherever the real spec does', () => {
    const lists = builtinSpec.operations.filter((op) => op.list);
    expect(lists.length).toBeGreaterThanOrEqual(10);
    const unstated = lists.flatMap((mine) => {
      const theirs = realSpec.operations.find((op) => op.operationId === mine.operationId);
      return [
        ...(theirs?.filterKeys.length && !mine.filterKeys.length ? [`${mine.operationId} filter`] : []),
        ...(theirs?.sortKeys.length && !mine.sortKeys.length ? [`${mine.operationId} sort`] : []),
      ];
    });
    expect(unstated).toEqual([]);
  });

  it('is self-contained: every $ref resolves inside the builtin', () => {
    const schemas = [
      ...Object.values(builtinDefs),
      ...builtinOps.flatMap(([, { op }]) => [
        ...(op.parameters ?? []).map((p) => p.schema),
        ...Object.values(op.responses ?? {}).map((r) => r.schema),
      ]),
    ];
    const dangling = [...new Set(schemas.flatMap(refsIn))].filter((name) => !builtinDefs[name]);
    expect(dangling).toEqual([]);
  });

  it('states the real version it was checked against, and BearerAuth like the real spec', () => {
    expect(BUILTIN_CHECKED_AGAINST).toBe(real.info?.version);
    expect(builtin.info?.version).toBe(`${real.info?.version}-core`);
    expect(builtin.info?.title).toMatch(/^cmlsh builtin/);
    const served = builtin as SwaggerDocument & { securityDefinitions?: unknown };
    const realServed = real as SwaggerDocument & { securityDefinitions?: unknown };
    expect(served.securityDefinitions).toEqual(realServed.securityDefinitions);
  });

  it('writes its own descriptions rather than copying the real prose', () => {
    const realTexts = new Set<string>();
    const collect = (schema: SwaggerSchema | undefined): void => {
      if (!schema) return;
      if (schema.description && schema.description.length > 40) realTexts.add(schema.description);
      for (const field of Object.values(schema.properties ?? {})) collect(field);
    };
    Object.values(realDefs).forEach(collect);
    for (const { op } of realOps.values()) {
      for (const p of op.parameters ?? [])
        if (p.description && p.description.length > 40) realTexts.add(p.description);
    }
    const copied = JSON.stringify(builtin)
      .match(/"description":"(?:[^"\\]|\\.)*"/g)
      ?.map((text) => JSON.parse(`{${text}}`).description as string)
      .filter((text) => realTexts.has(text));
    expect(copied ?? []).toEqual([]);
  });
});

describe('compileSwagger', () => {
  it('refuses an operation declared twice, naming it', () => {
    const group = {
      operations: [getOp('GetThing', '/api/v2/things/{thing_id}', 'Thing', 'Get.')],
      definitions: {},
    };
    const info = { title: 't', version: 'v', description: 'd' };
    expect(() => compileSwagger(info, [group, group])).toThrow(CmlSpecError);
    expect(() => compileSwagger(info, [group, group])).toThrow(
      'The builtin description declares operation GetThing (GET /api/v2/things/{thing_id}) twice',
    );
  });
});

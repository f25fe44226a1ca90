import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath, type Operation, parsePath } from '../../src/spec/index.js';
import { REAL_SPEC_PATH, realSpec, realSpecDocument } from '../helpers/real-spec.js';

/** operations.tsv beside the real spec: one row per operation, written from the spec by others. */
const rows = readFileSync(REAL_SPEC_PATH.replace(/swagger\.json$/, 'operations.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [
      ,
      method = '',
      path = '',
      pathParams = '',
      queryParams = '',
      ,
      responseModel = '',
      ,
      operationId = '',
    ] = line.split('\t');
    return { method, path, pathParams, queryParams, responseModel, operationId };
  });

const spec = realSpec();
const op = (operationId: string): Operation => {
  const found = spec.operations.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no ${operationId} in the spec`);
  return found;
};
const definitions = (
  realSpecDocument() as { definitions: Record<string, { properties?: Record<string, { type?: string }> }> }
).definitions;

describe('the resource graph of the real spec', () => {
  it('places every operation of operations.tsv in a resource of the graph', () => {
    expect(rows).toHaveLength(158);
    for (const row of rows) {
      const { resource, shape } = op(row.operationId);
      const bare = row.path.replace(/:[A-Za-z][\w-]*$/, '');
      const onItem = bare.endsWith('}');
      const collection = (onItem ? bare.slice(0, bare.lastIndexOf('/')) : bare).replace(/\{[^}]+\}/g, '{}');
      expect(resource.key, row.operationId).toBe(collection);
      expect(spec.resources[resource.key]?.key).toBe(collection);
      expect(resource.onItem, row.operationId).toBe(onItem);
      expect(shape.params.join(','), row.operationId).toBe(row.pathParams.replace(/\*/g, ''));
      // One parser of path shapes: it reads back exactly what the spec wrote.
      expect(formatPath(parsePath(row.path))).toBe(row.path);
    }
  });

  it('finds every custom verb after the colon, on items and on collections', () => {
    const verbs = new Map<string, string>();
    for (const row of rows) {
      const verb = /:([A-Za-z][\w-]*)$/.exec(row.path)?.[1];
      expect(op(row.operationId).resource.verb, row.path).toBe(verb);
      if (verb) verbs.set(verb, row.operationId);
    }
    expect([...verbs.keys()]).toEqual(
      expect.arrayContaining(['stop', 'restart', 'download', 'logbatch', 'update']),
    );
    expect(op('StopJobRun').resource).toMatchObject({
      key: '/api/v2/projects/{}/jobs/{}/runs',
      onItem: true,
      idParam: 'run_id',
      parentParams: ['project_id', 'job_id'],
      verb: 'stop',
    });
    expect(op('UpdateRuntimeStatus').resource).toMatchObject({
      key: '/api/v2/runtimes',
      onItem: false,
      verb: 'update',
    });
  });

  it('gives every list its list field: the one array its response model declares', () => {
    const lists = rows.filter((row) => row.method === 'GET' && row.queryParams.includes('page_token'));
    expect(lists.length).toBeGreaterThan(30);
    for (const row of lists) {
      const props = definitions[row.responseModel]?.properties ?? {};
      const arrays = Object.entries(props).filter(([, p]) => p.type === 'array');
      if (arrays.length !== 1) continue;
      expect(op(row.operationId).resource.listField, row.operationId).toBe(arrays[0]?.[0]);
    }
    // Unpaged answers of rows have one too; a single item carrying an array (tags) does not.
    expect(op('ListProjectFiles').resource.listField).toBe('files');
    expect(op('ListV2Keys').resource.listField).toBe('keys');
    expect(op('GetExperiment').resource.listField).toBeUndefined();
    expect(op('GetJob').resource.listField).toBeUndefined();
  });

  it('reads dotted id parameters as the item of their resource, named as the GET names it', () => {
    expect(op('UpdateJob').resource).toMatchObject({
      key: '/api/v2/projects/{}/jobs',
      idParam: 'job.id',
      parentParams: ['project_id'],
    });
    expect(op('GetJob').resource.key).toBe(op('UpdateJob').resource.key);
    expect(spec.resources['/api/v2/projects/{}/jobs']).toMatchObject({
      name: 'jobs',
      idParam: 'job_id',
      itemModel: 'Job',
      idField: 'id',
      parent: '/api/v2/projects',
      list: 'ListJobs',
      get: 'GetJob',
    });
    // No GET on a runtime repo: the spelling without a dot wins over `runtimerepo.id`.
    expect(spec.resources['/api/v2/runtimerepos']?.idParam).toBe('runtime_repo_id');
    expect(spec.resources['/api/v2/projects/{}/collaborators']).toMatchObject({ idParam: 'username' });
  });

  it('chains parents from a deployment up to its project', () => {
    const chain: string[] = [];
    for (let key = op('GetModelDeployment').resource.key; key; ) {
      chain.push(spec.resources[key]?.name ?? '?');
      key = spec.resources[key]?.parent ?? '';
    }
    expect(chain).toEqual(['deployments', 'builds', 'models', 'projects']);
    // A workspace-wide list has no parent.
    expect(spec.resources[op('ListAllJobs').resource.key]?.parent).toBeUndefined();
  });
});

import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { OperationIndex } from '../../src/api/index.js';
import { type CompletionContext, completeLine, completionContext } from '../../src/repl/completion.js';
import { SeenIds } from '../../src/repl/seen-ids.js';
import type { ApiSpec } from '../../src/spec/index.js';
import { realSpec } from './real-spec.js';

let spec: ApiSpec;
let seen: SeenIds;
let context: CompletionContext;

beforeAll(() => {
  spec = realSpec();
  seen = new SeenIds(spec);
  context = completionContext(spec, new OperationIndex(spec.operations), (name) => seen.get(name));
});

describe('completeLine: api members', () => {
  it('completes camelCase operation names after api.', () => {
    const [candidates, on] = completeLine('api.listPro', context) ?? [[], ''];
    expect(on).toBe('listPro');
    expect(candidates).toEqual([
      'listProjectCollaborators',
      'listProjectFiles',
      'listProjectNames',
      'listProjects',
    ]);
  });

  it('completes snake_case names too', () => {
    const [candidates] = completeLine('await api.list_proj', context) ?? [[]];
    expect(candidates).toContain('list_projects');
    expect(candidates).toContain('list_project_names');
  });

  it('falls back to a loose match when the case or underscores differ', () => {
    const [candidates] = completeLine('api.listprojects', context) ?? [[]];
    expect(candidates).toContain('listProjects');
  });

  it('offers every name after a bare api.', () => {
    const [candidates] = completeLine('api.', context) ?? [[]];
    expect(candidates.length).toBeGreaterThan(158);
  });

  it('leaves other objects to Node', () => {
    expect(completeLine('myapi.list', context)).toBeUndefined();
    expect(completeLine('process.en', context)).toBeUndefined();
    expect(completeLine('const x = 1', context)).toBeUndefined();
  });
});

describe('completeLine: arguments', () => {
  it('offers the operation argument names inside the call object', () => {
    const [candidates, on] = completeLine('await api.listJobs({', context) ?? [[], 'x'];
    expect(on).toBe('');
    expect(candidates).toEqual(['projectId', 'searchFilter', 'sort', 'pageSize', 'pageToken']);
  });

  it('filters by the typed prefix and skips keys already written', () => {
    expect(completeLine("api.listJobs({ projectId: 'abc', s", context)?.[0]).toEqual([
      'searchFilter',
      'sort',
    ]);
    // Typed in snake_case, the method is offered its Python keywords; a key written either way counts.
    expect(completeLine('api.list_jobs({ pageSize: 3, p', context)?.[0]).toEqual([
      'project_id',
      'page_token',
    ]);
  });

  it('works for .all and .pages', () => {
    expect(completeLine('for await (const j of api.listJobs.all({ proj', context)?.[0]).toEqual([
      'projectId',
    ]);
  });

  it('offers ids the session has seen for an id parameter', () => {
    seen.record(
      spec.operations.find((op) => op.name === 'listProjects')!,
      {},
      {
        projects: [
          { id: 'p-one', name: 'one' },
          { id: 'p-two', name: 'two', owner: { username: 'alice' } },
        ],
      },
    );
    const [candidates, on] = completeLine("await api.listJobs({ projectId: '", context) ?? [[], 'x'];
    expect(on).toBe('');
    expect(candidates).toEqual(['p-two', 'p-one']);
    expect(completeLine("api.getProject({ project_id: 'p-o", context)?.[0]).toEqual(['p-one']);
    // Outside quotes the candidates carry their own.
    expect(completeLine('api.getProject({ projectId: ', context)?.[0]).toEqual(["'p-two'", "'p-one'"]);
  });

  it('maps ids from nested collections to their own parameter', () => {
    const listJobs = spec.operations.find((op) => op.name === 'listJobs')!;
    seen.record(listJobs, { projectId: 'p-one' }, { jobs: [{ id: 'j-1', project_id: 'p-three' }] });
    expect(completeLine("api.getJob({ projectId: 'p-one', jobId: '", context)?.[0]).toEqual(['j-1']);
    expect(completeLine("api.getJob({ projectId: '", context)?.[0]?.[0]).toBe('p-three');
  });

  it('offers enum values for an enum body field', () => {
    const [candidates] = completeLine("api.updateApplication({ status: 'APPLICATION_S", context) ?? [[]];
    expect(candidates).toEqual(['APPLICATION_STARTING', 'APPLICATION_STOPPING', 'APPLICATION_STOPPED']);
  });

  it('offers search filter keys inside searchFilter, quoting dotted ones', () => {
    const [candidates] = completeLine('api.listProjects({ searchFilter: {', context) ?? [[]];
    expect(candidates).toContain('name');
    expect(candidates).toContain("'creator.username'");
    const [quoted, on] = completeLine("api.listProjects({ searchFilter: { 'owner.", context) ?? [[], ''];
    expect(on).toBe('owner.');
    expect(quoted).toEqual(['owner.email', 'owner.name', 'owner.username']);
  });

  it('offers usernames seen for a username filter', () => {
    expect(completeLine("api.listProjects({ searchFilter: { 'owner.username': '", context)?.[0]).toEqual([
      'alice',
    ]);
  });

  it('offers sort keys with a direction, after commas too', () => {
    const [candidates] = completeLine("api.listProjects({ sort: '", context) ?? [[]];
    expect(candidates).toContain('-created_at');
    expect(candidates).toContain('+name');
    expect(completeLine("api.listProjects({ sort: '-created_at,+na", context)?.[0]).toEqual([
      '-created_at,+name',
    ]);
  });

  it('offers operation names to .help', () => {
    expect(completeLine('.help getProj', context)?.[0]).toEqual(['getProject']);
  });

  it('does not complete inside unrelated calls or template strings', () => {
    expect(completeLine('console.log({', context)).toBeUndefined();
    expect(completeLine('api.listJobs({ projectId: `', context)).toBeUndefined();
    expect(completeLine('api.noSuchOp({', context)).toBeUndefined();
  });

  it('answers in well under 5 ms per key press', () => {
    const lines = [
      'api.listPro',
      'await api.listJobs({',
      "await api.listJobs({ projectId: '",
      "api.listProjects({ sort: '-created_at,+na",
      `const x = ${'['.repeat(50)}1${']'.repeat(50)}; await api.listProjects({ searchFilter: { 'owner.`,
    ];
    for (const line of lines) completeLine(line, context);
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++) for (const line of lines) completeLine(line, context);
    const perCall = (performance.now() - started) / (runs * lines.length);
    expect(perCall).toBeLessThan(1);
  });
});

import { describe, expect, it } from 'vitest';
import { relationsOf } from '../../src/api/relations.js';
import type { Operation } from '../../src/spec/index.js';
import { realSpec } from '../helpers/real-spec.js';

const spec = realSpec();
const op = (operationId: string): Operation => {
  const found = spec.operations.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no ${operationId} in the spec`);
  return found;
};
const childIds = (r: ReturnType<typeof relationsOf>) => r.children.map((c) => c.call.operation.operationId);

describe('relationsOf against the real spec', () => {
  it('a project from ListProjects: its own GET and its collections, project_id bound', () => {
    const r = relationsOf(spec, { id: 'p1', name: 'churn' }, { operation: op('ListProjects'), args: {} });
    expect(r.self?.operation.operationId).toBe('GetProject');
    expect(r.self?.args).toEqual({ project_id: 'p1' });
    expect(childIds(r)).toEqual(
      expect.arrayContaining([
        'ListJobs',
        'ListApplications',
        'ListModels',
        'ListExperiments',
        'ListProjectFiles',
      ]),
    );
    // Only collections: no GET of a single job or the project itself.
    expect(childIds(r)).not.toContain('GetJob');
    for (const child of r.children) expect(child.call.args.project_id).toBe('p1');
    const jobs = r.children.find((c) => c.name === 'jobs');
    expect(jobs?.call.args).toEqual({ project_id: 'p1' });
    // files/{path} is listed from the root of the project's files.
    expect(r.children.find((c) => c.name === 'files')?.call.args).toEqual({ project_id: 'p1', path: '' });
  });

  it('a job from ListJobs (args in camelCase) leads to its runs with project_id and job_id', () => {
    const r = relationsOf(
      spec,
      { id: 'j1', name: 'nightly' },
      { operation: op('ListJobs'), args: { projectId: 'p1', pageSize: 5 } },
    );
    expect(r.self).toMatchObject({
      operation: { operationId: 'GetJob' },
      args: { project_id: 'p1', job_id: 'j1' },
    });
    expect(r.children.map((c) => [c.name, c.call.operation.operationId, c.call.args])).toEqual([
      ['runs', 'ListJobRuns', { project_id: 'p1', job_id: 'j1' }],
    ]);
  });

  it('a job read with GetJob has the same relations as one from the list', () => {
    const r = relationsOf(
      spec,
      { id: 'j1' },
      { operation: op('GetJob'), args: { project_id: 'p1', job_id: 'j1' } },
    );
    expect(childIds(r)).toEqual(['ListJobRuns']);
  });

  it('model -> builds -> deployments', () => {
    const model = relationsOf(
      spec,
      { id: 'm1' },
      { operation: op('ListModels'), args: { project_id: 'p1' } },
    );
    expect(childIds(model)).toEqual(['ListModelBuilds']);
    expect(model.children[0]?.call.args).toEqual({ project_id: 'p1', model_id: 'm1' });
    const build = relationsOf(
      spec,
      { id: 'b1', model_id: 'm1' },
      { operation: op('ListModelBuilds'), args: { project_id: 'p1', model_id: 'm1' } },
    );
    expect(childIds(build)).toEqual(['ListModelDeployments']);
    expect(build.children[0]?.call.args).toEqual({ project_id: 'p1', model_id: 'm1', build_id: 'b1' });
    // model_id in a project is the project's model, not the registry's.
    expect(build.references.map((ref) => [ref.field, ref.call.operation.operationId, ref.call.args])).toEqual(
      [['model_id', 'GetModel', { project_id: 'p1', model_id: 'm1' }]],
    );
  });

  it("a job run's job_id opens GetJob with project_id bound; project_id opens GetProject", () => {
    const run = { id: 'r1', job_id: 'j1', project_id: 'p1', runtime_identifier: 'docker.example/py:1' };
    const r = relationsOf(spec, run, {
      operation: op('ListJobRuns'),
      args: { project_id: 'p1', job_id: 'j1' },
    });
    expect(r.self).toMatchObject({ operation: { operationId: 'GetJobRun' }, args: { run_id: 'r1' } });
    const refs = Object.fromEntries(r.references.map((ref) => [ref.field, ref.call]));
    expect(refs.job_id?.operation.operationId).toBe('GetJob');
    expect(refs.job_id?.args).toEqual({ project_id: 'p1', job_id: 'j1' });
    expect(refs.project_id?.operation.operationId).toBe('GetProject');
    expect(refs.project_id?.args).toEqual({ project_id: 'p1' });
    // No GET in the spec ends in {runtime_identifier}: no made-up link.
    expect(refs.runtime_identifier).toBeUndefined();
  });

  it('references work without knowing the producing call, when the item carries every param', () => {
    const r = relationsOf(spec, { id: 'd1', project_id: 'p1', model_id: 'm1', build_id: 'b1' });
    expect(r.self).toBeUndefined();
    expect(r.children).toEqual([]);
    const build = r.references.find((ref) => ref.field === 'build_id');
    expect(build?.call.operation.operationId).toBe('GetModelBuild');
    expect(build?.call.args).toEqual({ project_id: 'p1', model_id: 'm1', build_id: 'b1' });
  });

  it('a job from ListAllJobs finds its GET by item model, and nothing for values that are not objects', () => {
    const r = relationsOf(spec, { id: 'j9', project_id: 'p2' }, { operation: op('ListAllJobs'), args: {} });
    expect(r.self?.operation.operationId).toBe('GetJob');
    expect(r.self?.args).toEqual({ project_id: 'p2', job_id: 'j9' });
    expect(relationsOf(spec, [1, 2])).toEqual({ self: undefined, references: [], children: [] });
    expect(relationsOf(spec, 'text').references).toEqual([]);
  });
});

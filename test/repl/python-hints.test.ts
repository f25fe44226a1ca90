import { describe, expect, it } from 'vitest';
import { createApi, explainNotAFunction, OperationIndex } from '../../src/api/index.js';
import { createTransport } from '../../src/client/index.js';
import { completeLine, completionContext } from '../../src/repl/completion.js';
import { pythonKeywordFix } from '../../src/repl/python-keywords.js';
import { rewriteLine } from '../../src/repl/rewrite-line.js';
import { realSpec } from './real-spec.js';

describe('a Python keyword call typed as is', () => {
  it('is rewritten into the line to type instead', () => {
    expect(pythonKeywordFix('api.list_projects(page_size=2)')).toBe('api.list_projects({ page_size: 2 })');
    expect(pythonKeywordFix('jobs = await api.list_job_runs(P, J, sort="-created_at", page_size=1)')).toBe(
      'jobs = await api.list_job_runs(P, J, { sort: "-created_at", page_size: 1 })',
    );
    expect(pythonKeywordFix("cmlapi.CreateJobRequest(name='a, b', kernel=None, x=True)")).toBe(
      "cmlapi.CreateJobRequest({ name: 'a, b', kernel: null, x: true })",
    );
    expect(pythonKeywordFix('api.list_projects({ search_filter: JSON.stringify(f) })')).toBeUndefined();
    expect(pythonKeywordFix("api.list_projects({ sort: 'a=b' })")).toBeUndefined();
    expect(pythonKeywordFix('api.x(a == b)')).toBeUndefined();
    expect(pythonKeywordFix("console.log('api.list_projects(page_size=2)')")).toBeUndefined();
  });

  it('runs nothing at the prompt (no stray global): the shell throws the hint instead', () => {
    const rewritten = rewriteLine('api.list_projects(page_size=2)');
    expect(rewritten).toMatch(
      /^__cmlshHint\(".*give them as one object: api\.list_projects\(\{ page_size: 2 \}\)"\)\n$/,
    );
    expect(rewritten).not.toContain('page_size=2');
  });
});

describe('a typo in a method name is answered', () => {
  const api = createApi({
    spec: realSpec(),
    transport: createTransport({ baseUrl: 'http://127.0.0.1:9', token: 't' }),
  });
  const typeError = (message: string) => Object.assign(new TypeError(message));

  it('says what api has instead', () => {
    expect(explainNotAFunction(typeError('api.listProjecs is not a function'), api)?.message).toBe(
      'api has no listProjecs; did you mean listProjects?',
    );
    expect(explainNotAFunction(typeError('api.list_projcts is not a function'), api)?.message).toContain(
      'did you mean list_projects',
    );
    expect(
      explainNotAFunction(typeError('cmlapi.CreateJobRequst is not a function'), api)?.message,
    ).toContain('cmlapi has no CreateJobRequst; did you mean CreateJobRequest');
    expect(explainNotAFunction(typeError('foo.bar is not a function'), api)).toBeUndefined();
    expect(explainNotAFunction(new Error('api.x is not a function'), api)).toBeUndefined();
  });

  it('prints help, not internals, for a method typed without parentheses', async () => {
    const { inspect } = await import('node:util');
    const text = inspect(api.listJobs);
    expect(text).toContain('list_jobs(project_id, **kwargs)');
    expect(text).toContain('api.listJobs({ projectId, … })');
    expect(text).not.toContain('[Function');
  });
});

describe('completion speaks the spelling the method was typed in', () => {
  const spec = realSpec();
  const context = completionContext(spec, new OperationIndex(spec.operations), () => []);

  it('offers snake_case keys after a snake_case method, camelCase after a camelCase one', () => {
    expect(completeLine('api.list_jobs({proj', context)?.[0]).toEqual(['project_id']);
    expect(completeLine('api.listJobs({proj', context)?.[0]).toEqual(['projectId']);
  });

  it('completes positional ids from the ids seen, body slot or not', () => {
    const ids: Record<string, string[]> = { projectId: ['p-1'], jobId: ['j-9'] };
    const seen = completionContext(spec, new OperationIndex(spec.operations), (name) => ids[name] ?? []);
    expect(completeLine("api.get_job('", seen)?.[0]).toEqual(['p-1']);
    expect(completeLine("api.get_job('p-1', '", seen)?.[0]).toEqual(['j-9']);
    expect(completeLine("api.create_job_run({}, 'p-1', '", seen)?.[0]).toEqual(['j-9']);
    expect(completeLine('api.create_job_run(body, P, ', seen)?.[0]).toEqual(["'j-9'"]);
    expect(completeLine("api.create_job_run('p-1', '", seen)?.[0]).toEqual(['j-9']);
    // Nothing to offer (no slot there): left to Node's completer.
    expect(completeLine('api.listProjects(', seen)).toBeUndefined();
  });

  it('offers api.withOptions beside the operations', () => {
    expect(completeLine('api.withO', context)?.[0]).toEqual(['withOptions']);
  });

  it('completes the keyword object after positional ids', () => {
    expect(completeLine("api.list_job_runs(P, 'j1', {so", context)?.[0]).toEqual(['sort']);
    expect(completeLine("api.list_job_runs(P, J, { sort: '-cr", context)?.[0]).toContain('-created_at');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildRequest,
  collectArguments,
  connect,
  createCmlapi,
  pythonSignature,
} from '../../src/api/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { type CmlApiError, CmlUsageError } from '../../src/errors/index.js';
import { startReal } from '../emulator/emulator-harness.js';
import { realSpec } from '../helpers/real-spec.js';

// biome-ignore lint/suspicious/noExplicitAny: calls typed as a user types them
type Loose = any;
let emulator: Emulator;
let api: Loose;
let cmlapi: Loose;
let P: string;

beforeAll(async () => {
  emulator = await startReal();
  api = (await connect({ host: emulator.url, token: 'demo-token', loadedSpec: realSpec() })).api;
  cmlapi = createCmlapi(api);
  P = (await api.listProjects({ pageSize: 1 })).projects[0].id;
});
afterAll(() => emulator?.close());

async function usage(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(CmlUsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a CmlUsageError');
}

describe('positional arguments as the Python client takes them', () => {
  it('declares the signatures of operations.tsv: body first, path ids in template order', () => {
    const byPython = new Map(realSpec().operations.map((op) => [op.pythonName, op]));
    expect(pythonSignature(byPython.get('create_job_run')!)).toBe(
      'create_job_run(body, project_id, job_id, **kwargs)',
    );
    expect(pythonSignature(byPython.get('get_job_run')!)).toBe(
      'get_job_run(project_id, job_id, run_id, **kwargs)',
    );
    expect(pythonSignature(byPython.get('list_models')!)).toBe('list_models(project_id, **kwargs)');
    expect(pythonSignature(byPython.get('update_application')!)).toBe(
      'update_application(body, project_id, application_id, **kwargs)',
    );
    expect(pythonSignature(byPython.get('list_project_files')!)).toBe(
      'list_project_files(project_id, path, **kwargs)',
    );
  });

  it('fills path ids positionally in the path template order', async () => {
    const op = realSpec().operations.find((o) => o.pythonName === 'list_project_files')!;
    const request = await buildRequest(op, collectArguments(op, ['p1', 'src/train.py']).args);
    expect(request.path).toBe('/api/v2/projects/p1/files/src%2Ftrain.py');
  });

  it('an argument with no place is an error naming it, with both signatures; nothing is dropped', async () => {
    const message = await usage(api.get_project(P, 'extra'));
    expect(message).toContain('argument 2 (the string "extra") has no place');
    expect(message).toContain('api.get_project(projectId, { ...kwargs })');
    expect(message).toContain('api.getProject({ projectId })');
    // The old second argument (call options) is no longer read silently.
    expect(await usage(api.listProjects({}, { timeoutMs: 5 }))).toContain(
      'argument 1 (an object) has no place',
    );
  });

  it('a path id given positionally and by name, or in the body, must agree', async () => {
    expect(await usage(api.get_job(P, 'j1', { project_id: 'other' }))).toContain('project_id is given twice');
    const job = await api.list_jobs(P);
    const jobId = job.jobs[0]?.id ?? (await api.create_job({ name: 'j', script: 'a.py' }, P)).id;
    expect(
      await usage(api.create_job_run(cmlapi.CreateJobRunRequest('another-project', jobId), P, jobId)),
    ).toMatch(/project_id is ".+" in the path but the string "another-project" in the body/);
    // The same value twice is no conflict.
    await expect(api.get_job(P, jobId, { project_id: P })).resolves.toMatchObject({ id: jobId });
  });

  it('refuses null, BigInt, cycles and "." / ".." ids as one-line usage errors', async () => {
    expect(await usage(api.listProjects(null))).toContain('argument 1 (null) has no place');
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(await usage(api.listProjects({ searchFilter: cyclic }))).toContain(
      'searchFilter.self refers back to an object that contains it',
    );
    expect(await usage(api.listProjects({ searchFilter: { name: 5n } }))).toContain(
      'searchFilter.name is a BigInt',
    );
    expect(
      await usage(api.updateProject({ projectId: P, environment: 'x', body: { owner: { id: 1n } } })),
    ).toContain('body.owner.id is a BigInt');
    expect(await usage(api.getProject('..'))).toContain('projectId cannot be ".."');
    expect(await usage(api.get_job(P, '.'))).toContain('jobId cannot be "."');
  });

  it('async_req=True gives a promise with .get(); _request_timeout is seconds', async () => {
    const thread = api.list_projects({ async_req: true, page_size: 1 });
    const page = await thread.get();
    expect(page.projects).toHaveLength(1);
    expect(await usage(api.list_projects({ async_req: 'yes' }))).toContain('async_req must be true or false');
    await expect(api.list_projects({ _request_timeout: 30, page_size: 1 })).resolves.toBeTruthy();
    expect(await usage(api.list_projects({ _request_timeout: -1 }))).toContain(
      '_request_timeout must be seconds',
    );
  });

  it('call options travel through api.withOptions, never as an argument', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(api.withOptions({ signal: controller.signal }).listProjects()).rejects.toThrow();
    await expect(
      api.withOptions({ timeoutMs: 10_000 }).list_projects({ page_size: 1 }),
    ).resolves.toBeTruthy();
    expect(await usage(() => api.withOptions({ timeout: 5 }))).toContain(
      'withOptions takes { signal, timeoutMs, readAhead }',
    );
  });

  it('a failed call carries what cmlapi.rest.ApiException carries', async () => {
    const error = await api.get_project('no-such-project').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(cmlapi.rest.ApiException);
    const apiError = error as CmlApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.reason).toBe('Not Found');
    expect(apiError.headers['content-type']).toContain('application/json');
    expect(apiError.body).toBeTruthy();
  });

  it('every result, page and nested object has a non-enumerable to_dict()', async () => {
    const page = await api.list_projects({ page_size: 2 });
    const plain = page.to_dict();
    expect(plain).toEqual(JSON.parse(JSON.stringify(page)));
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(page.projects[0].to_dict()).toEqual(JSON.parse(JSON.stringify(page.projects[0])));
    expect(Object.keys(page)).not.toContain('to_dict');
    expect(JSON.stringify(page)).not.toContain('to_dict');
  });

  it('with plainResults (cmlsh call) answers are left as sent, the same data', async () => {
    const plain: Loose = (
      await connect({ host: emulator.url, token: 'demo-token', loadedSpec: realSpec(), plainResults: true })
    ).api;
    const page = await plain.list_projects({ page_size: 2 });
    expect(page.projects[0].to_dict).toBeUndefined();
    expect(page.items).toEqual((await api.list_projects({ page_size: 2 })).items);
    expect(typeof page.nextPage).toBe('function');
  });
});

describe('the cmlapi namespace', () => {
  it('builds checked request models from every definition', async () => {
    const names = Object.keys(realSpec().definitions).filter((n) => typeof cmlapi[n] === 'function');
    expect(names.length).toBeGreaterThan(150);
    const body = cmlapi.CreateJobRequest({ name: 'nightly', script: 'main.py', environment: null });
    expect(body).toEqual({ name: 'nightly', script: 'main.py' });
    expect(await usage(() => cmlapi.CreateJobRequest({ nmae: 'x' }))).toMatch(
      /^cmlapi.CreateJobRequest has no field "nmae". Did you mean name\?/,
    );
    expect(await usage(() => cmlapi.CreateJobRequest({ cpu: 'two' }))).toBe(
      'cmlapi.CreateJobRequest: cpu must be number (double), not the string "two"',
    );
    expect(cmlapi.CreateJobRunRequest('p', 'j')).toEqual({ project_id: 'p', job_id: 'j' });
  });

  it('default_client() is api; another host or key is said, not ignored', async () => {
    expect(cmlapi.default_client()).toBe(api);
    expect(cmlapi.default_client(emulator.url, 'demo-token')).toBe(api);
    expect(cmlapi.default_client({ url: emulator.url })).toBe(api);
    expect(cmlapi.CMLServiceApi(cmlapi.ApiClient(cmlapi.Configuration()))).toBe(api);
    expect(await usage(() => cmlapi.default_client('https://ml-elsewhere.example.com'))).toContain(
      'cmlsh --host https://ml-elsewhere.example.com',
    );
    expect(await usage(() => cmlapi.default_client(emulator.url, 'another-key'))).toContain(
      'uses another API key',
    );
  });
});

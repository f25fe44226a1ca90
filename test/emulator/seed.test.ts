import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED_PROJECTS, DEMO_USERS, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { builtinSwagger } from '../../src/spec/index.js';
import { normaliseSpec } from '../../src/spec/normalise.js';
import { validateValue } from '../../src/spec/validate-schema.js';
import { realSpec, realSpecDocument } from '../helpers/real-spec.js';
import { call, startReal } from './emulator-harness.js';

const spec = realSpec();
const responseOf = (operationId: string) =>
  spec.operations.find((op) => op.operationId === operationId)?.response.schema;

async function everything(emu: Emulator, path: string, field: string, query: Record<string, string> = {}) {
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
  const items: any[] = [];
  let token = '';
  do {
    const page = await call(emu, 'GET', path, {
      query: { ...query, page_size: '1000', ...(token ? { page_token: token } : {}) },
    });
    items.push(...page.body[field]);
    token = page.body.next_page_token ?? '';
  } while (token);
  return items;
}

/** Every project of the workspace (the key's owner is a site admin). */
const ALL = { include_all_projects: 'true' };

describe('demo seed', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ document: realSpecDocument(), machineTokens: ['demo-token'] });
  });
  afterAll(() => emu.close());

  it('holds about 240 projects by a dozen users, deterministically', async () => {
    const projects = await everything(emu, '/api/v2/projects', 'projects', ALL);
    expect(projects).toHaveLength(DEFAULT_SEED_PROJECTS);
    expect(new Set(projects.map((p) => p.owner.username))).toEqual(
      new Set(DEMO_USERS.map((u) => u.username)),
    );
    const twin = await startReal({ seedProjects: DEFAULT_SEED_PROJECTS });
    try {
      expect(await everything(twin, '/api/v2/projects', 'projects', ALL)).toEqual(projects);
    } finally {
      await twin.close();
    }
  });

  it('has runs in every EngineStatus, apps in APPLICATION_* states, runtimes, models and experiments, all schema-valid', async () => {
    const projects = (await everything(emu, '/api/v2/projects', 'projects', ALL)).slice(0, 80);
    const runStates = new Set<string>();
    const appStates = new Set<string>();
    let deployments = 0;
    let experimentRuns = 0;
    let cronJobs = 0;
    for (const p of projects) {
      const base = `/api/v2/projects/${p.id}`;
      const jobs = await call(emu, 'GET', `${base}/jobs`, { query: { page_size: '100' } });
      expect(validateValue(responseOf('ListJobs'), jobs.body, spec.definitions)).toEqual([]);
      for (const job of jobs.body.jobs) {
        if (job.type === 'cron') cronJobs++;
        const runs = await call(emu, 'GET', `${base}/jobs/${job.id}/runs`);
        expect(validateValue(responseOf('ListJobRuns'), runs.body, spec.definitions)).toEqual([]);
        for (const run of runs.body.job_runs) runStates.add(run.status);
      }
      const apps = await call(emu, 'GET', `${base}/applications`);
      expect(validateValue(responseOf('ListApplications'), apps.body, spec.definitions)).toEqual([]);
      for (const app of apps.body.applications) appStates.add(app.status);
      for (const model of (await call(emu, 'GET', `${base}/models`)).body.models) {
        for (const build of (await call(emu, 'GET', `${base}/models/${model.id}/builds`)).body.model_builds) {
          const deps = await call(emu, 'GET', `${base}/models/${model.id}/builds/${build.id}/deployments`);
          expect(validateValue(responseOf('ListModelDeployments'), deps.body, spec.definitions)).toEqual([]);
          deployments += deps.body.model_deployments.length;
        }
      }
      for (const exp of (await call(emu, 'GET', `${base}/experiments`)).body.experiments) {
        experimentRuns += (await call(emu, 'GET', `${base}/experiments/${exp.id}/runs`)).body.experiment_runs
          .length;
      }
    }
    expect([...runStates].sort()).toEqual(
      [...((spec.definitions.EngineStatus?.enum ?? []) as string[])].sort(),
    );
    expect(appStates.size).toBeGreaterThanOrEqual(4);
    expect([...appStates].every((s) => s.startsWith('APPLICATION_'))).toBe(true);
    expect(deployments).toBeGreaterThan(0);
    expect(experimentRuns).toBeGreaterThan(0);
    expect(cronJobs).toBeGreaterThan(0);

    const runtimes = await call(emu, 'GET', '/api/v2/runtimes', { query: { page_size: '100' } });
    expect(validateValue(responseOf('ListRuntimes'), runtimes.body, spec.definitions)).toEqual([]);
    const kernels = runtimes.body.runtimes.map((r: { kernel: string }) => r.kernel).join(' ');
    expect(kernels).toContain('Python');
    expect(kernels).toContain('R ');
    const editors = new Set(runtimes.body.runtimes.map((r: { editor: string }) => r.editor));
    expect(editors).toContain('JupyterLab');
    expect(editors).toContain('Workbench');
  });

  it('answers every workspace-wide list with schema-valid, mostly non-empty pages', async () => {
    const lists = spec.operations.filter(
      (op) => op.method === 'GET' && op.list?.itemsField && !op.path.includes('{'),
    );
    let nonEmpty = 0;
    for (const op of lists) {
      const answer = await call(emu, 'GET', op.path);
      expect(answer.status, op.operationId).toBe(200);
      expect(validateValue(op.response.schema, answer.body, spec.definitions), op.operationId).toEqual([]);
      if ((answer.body[op.list?.itemsField ?? ''] ?? []).length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(lists.length / 2);
  });

  it('scales to 30,000 projects', async () => {
    const big = await startReal({ seedProjects: 30_000 });
    try {
      const projects = await everything(big, '/api/v2/projects', 'projects', ALL);
      expect(projects).toHaveLength(30_000);
      expect(new Set(projects.map((p) => p.id)).size).toBe(30_000);
      const last = projects[projects.length - 1];
      const jobs = await call(big, 'GET', `/api/v2/projects/${last.id}/jobs`);
      expect(jobs.status).toBe(200);
    } finally {
      await big.close();
    }
  });

  it('emulates the builtin spec too', async () => {
    const doc = builtinSwagger();
    const builtin = normaliseSpec(doc, 'builtin');
    const small = await startEmulator({ document: doc, seedProjects: 5 });
    try {
      for (const op of builtin.operations.filter(
        (o) => o.method === 'GET' && o.list && !o.path.includes('{'),
      )) {
        const answer = await call(small, 'GET', op.path);
        expect(answer.status, op.operationId).toBe(200);
        expect(validateValue(op.response.schema, answer.body, builtin.definitions), op.operationId).toEqual(
          [],
        );
      }
    } finally {
      await small.close();
    }
  });
});

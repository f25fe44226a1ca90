import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import type { Operation } from '../../src/spec/types.js';
import { realSpec, realSpecDocument } from '../helpers/real-spec.js';
import { type Answer, call, startReal } from './emulator-harness.js';

/**
 * Each real-server fact the emulator models, with where it was learnt: the real spec's own
 * text (read here from ../shared, so a changed spec fails the test rather than the user),
 * or a behaviour recorded on a live workspace (../shared/cml-api-v2/README.md, issue 16).
 */
const spec = realSpec();
// biome-ignore lint/suspicious/noExplicitAny: the raw Swagger document is read loosely
const swagger = realSpecDocument() as any;
const op = (id: string) => spec.operations.find((o) => o.operationId === id) as Operation;
const bodyField = (model: string, field: string): string =>
  swagger.definitions[model].properties[field].description ?? '';
const paramText = (id: string, name: string) =>
  op(id).params.find((p) => p.wireName === name)?.description ?? '';

const RUNTIME =
  'docker.repository.cloudera.com/cloudera/cdsw/ml-runtime-jupyterlab-python3.10-standard:2025.01.3-b8';
const MACHINE = 'observability-key';
const HOUR = 3_600_000;
let clock = Date.UTC(2026, 11, 1, 12);

let emu: Emulator;
let projectId: string;
beforeAll(async () => {
  emu = await startReal({
    runStepMs: HOUR,
    now: () => clock,
    tokens: ['demo-token'],
    machineTokens: [MACHINE],
  });
  projectId = (await call(emu, 'POST', '/api/v2/projects', { body: { name: 'Fidelity Check' } })).body.id;
});
afterAll(() => emu.close());

const jobs = () => `/api/v2/projects/${projectId}/jobs`;
const newJob = (body: Record<string, unknown>) =>
  call(emu, 'POST', jobs(), {
    body: { name: 'nightly', script: 'main.py', runtime_identifier: RUNTIME, ...body },
  });

describe('spec: creates store what was sent plus the documented defaults', () => {
  it('CreateJobRequest: cpu/memory "(default 1)", nvidia_gpu "(default 0)", timezone, retries', async () => {
    expect(bodyField('CreateJobRequest', 'cpu')).toContain('(default 1)');
    expect(bodyField('CreateJobRequest', 'memory')).toContain('(default 1)');
    expect(bodyField('CreateJobRequest', 'timezone')).toContain("(default 'America/Los_Angeles')");
    const job = await newJob({});
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({
      cpu: 1,
      memory: 1,
      nvidia_gpu: 0,
      timezone: 'America/Los_Angeles',
      retry_enabled: false,
      max_retry: 0,
    });
  });

  it("never invents: every field not sent is a zero value or the server's own", async () => {
    const job = (await newJob({ description: undefined })).body;
    const serverOwned = ['id', 'created_at', 'updated_at', 'creator', 'owner', 'project', 'type', 'timezone'];
    const sent = ['name', 'script', 'runtime_identifier', 'cpu', 'memory'];
    for (const [field, value] of Object.entries(job)) {
      if (serverOwned.includes(field) || sent.includes(field)) continue;
      expect([0, '0', '', false, '{}'], field).toContainEqual(Array.isArray(value) ? 0 : value);
      if (Array.isArray(value)) expect(value, field).toEqual([]);
    }
    expect(job.creator.username).toBe(emu.username);
  });

  it('Job.parent_id is "" unless parent_job_id is given; Job.type is manual, cron or dependent', async () => {
    expect(swagger.definitions.Job.properties.type.description).toMatch(/"manual", "cron", or "dependent"/);
    const parent = (await newJob({})).body;
    expect(parent).toMatchObject({ parent_id: '', type: 'manual', english_schedule: '' });
    const child = (await newJob({ name: 'after', parent_job_id: parent.id })).body;
    expect(child).toMatchObject({ parent_id: parent.id, type: 'dependent' });
  });

  it('english_schedule follows schedule, on create and on update', async () => {
    const cron = (await newJob({ schedule: '0 13 * * 1' })).body;
    expect(cron).toMatchObject({ type: 'cron', english_schedule: 'At 01:00 PM, Monday' });
    const moved = await call(emu, 'PATCH', `${jobs()}/${cron.id}`, { body: { schedule: '*/30 * * * *' } });
    expect(moved.body).toMatchObject({ schedule: '*/30 * * * *', english_schedule: 'Every 30 minutes' });
  });

  it('CreateProjectRequest.visibility "Default is private."', async () => {
    expect(bodyField('CreateProjectRequest', 'visibility')).toContain('Default is private.');
    const project = (await call(emu, 'GET', `/api/v2/projects/${projectId}`)).body;
    expect(project).toMatchObject({ visibility: 'private', default_engine_type: 'ml_runtime' });
  });

  it('CreateJobRequest.runtime_identifier "Must be set if using ML Runtimes": a 400 without it', async () => {
    expect(bodyField('CreateJobRequest', 'runtime_identifier')).toContain(
      'Must be set if using ML Runtimes.',
    );
    const refused = await call(emu, 'POST', jobs(), { body: { name: 'x', script: 'x.py' } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 3, message: expect.stringContaining('runtime_identifier') });
    const unnamed = await call(emu, 'POST', '/api/v2/projects', { body: { description: 'no name' } });
    expect(unnamed.status).toBe(400);
  });
});

describe('spec: filters as the descriptions document them', () => {
  it('ListApplications "status" can be one of [running, ...]: {"status":"running"} means APPLICATION_RUNNING', async () => {
    expect(paramText('ListApplications', 'search_filter')).toContain('search_filter = {"status":"running"}');
    const all = await call(emu, 'GET', '/api/v2/projects', { query: { page_size: '24' } });
    let checked = 0;
    for (const project of all.body.projects) {
      const path = `/api/v2/projects/${project.id}/applications`;
      const running = await call(emu, 'GET', path, { query: { search_filter: '{"status":"running"}' } });
      expect(running.status).toBe(200);
      for (const app of running.body.applications) expect(app.status).toBe('APPLICATION_RUNNING');
      checked += running.body.applications.length;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('ListJobRuns {"status":"running"} matches ENGINE_RUNNING runs', async () => {
    expect(paramText('ListJobRuns', 'search_filter')).toContain('"status" can be one of the following');
    const job = (await newJob({})).body;
    const runs = `${jobs()}/${job.id}/runs`;
    const run = (await call(emu, 'POST', runs, { body: {} })).body;
    clock += 2 * HOUR;
    const running = await call(emu, 'GET', runs, { query: { search_filter: '{"status":"running"}' } });
    expect(running.body.job_runs.map((r: { id: string }) => r.id)).toEqual([run.id]);
    expect(running.body.job_runs[0].status).toBe('ENGINE_RUNNING');
    clock += HOUR;
  });

  it("accepts every example search_filter the spec's descriptions give", async () => {
    const examples = spec.operations.flatMap((o) => {
      const text = o.params.find((p) => p.wireName === 'search_filter')?.description ?? '';
      return [...text.matchAll(/search_filter\s*=\s*(\{[^{}]*\})/g)].flatMap((m) => {
        try {
          return [{ op: o, filter: JSON.parse(m[1] as string) as object }];
        } catch {
          return [];
        }
      });
    });
    expect(examples.length).toBeGreaterThan(20);
    const refused: string[] = [];
    for (const { op: o, filter } of examples) {
      const path = await concretePath(o.path);
      const answer = await call(emu, o.method, path, {
        token: MACHINE,
        query: { search_filter: JSON.stringify(filter) },
      });
      if (answer.status !== 200) refused.push(`${o.operationId} ${JSON.stringify(filter)} -> ${answer.text}`);
    }
    expect(refused).toEqual([]);
  });

  it('include_public_projects: by default only own and shared projects; true adds public ones', async () => {
    expect(paramText('ListProjects', 'include_public_projects')).toContain('including public projects');
    const all = await call(emu, 'GET', '/api/v2/projects', {
      query: { include_all_projects: 'true', page_size: '100' },
    });
    const other = all.body.projects.find(
      (p: { owner: { username: string }; visibility: string }) =>
        p.owner.username !== emu.username && p.visibility === 'public',
    );
    const listed = async (query: Record<string, string>) =>
      (
        await call(emu, 'GET', '/api/v2/projects', { query: { page_size: '100', ...query } })
      ).body.projects.map((p: { id: string }) => p.id);
    expect(await listed({})).toContain(other.id); // shared with the key's owner
    const unshare = `/api/v2/projects/${other.id}/collaborators/${emu.username}`;
    expect((await call(emu, 'DELETE', unshare)).status).toBe(200);
    expect(await listed({})).not.toContain(other.id);
    expect(await listed({ include_public_projects: 'true' })).toContain(other.id);
    expect(await listed({})).toContain(projectId); // one's own
  });
});

describe('spec: work moves through the EngineStatus stages', () => {
  it('a run goes SCHEDULING, STARTING, RUNNING to SUCCEEDED; a failing script ends FAILED', async () => {
    expect(swagger.definitions.EngineStatus.enum).toEqual(
      expect.arrayContaining(['ENGINE_SCHEDULING', 'ENGINE_STARTING', 'ENGINE_RUNNING', 'ENGINE_SUCCEEDED']),
    );
    for (const [script, end] of [
      ['main.py', 'ENGINE_SUCCEEDED'],
      ['fail.py', 'ENGINE_FAILED'],
    ] as const) {
      const job = (await newJob({ script })).body;
      const runs = `${jobs()}/${job.id}/runs`;
      const run = (await call(emu, 'POST', runs, { body: {} })).body;
      const seen = [run.status];
      for (let step = 0; step < 3; step++) {
        clock += HOUR;
        seen.push((await call(emu, 'GET', `${runs}/${run.id}`)).body.status);
      }
      expect(seen).toEqual(['ENGINE_SCHEDULING', 'ENGINE_STARTING', 'ENGINE_RUNNING', end]);
    }
  });

  it('a stop passes through ENGINE_STOPPING to ENGINE_STOPPED', async () => {
    const job = (await newJob({})).body;
    const runs = `${jobs()}/${job.id}/runs`;
    const run = (await call(emu, 'POST', runs, { body: {} })).body;
    expect((await call(emu, 'POST', `${runs}/${run.id}:stop`)).body.status).toBe('ENGINE_STOPPING');
    clock += HOUR;
    const stopped = (await call(emu, 'GET', `${runs}/${run.id}`)).body;
    expect(stopped.status).toBe('ENGINE_STOPPED');
    expect(stopped.finished_at).toBeTruthy();
  });

  it('seeded runs under way advance, and seeded data has failures', async () => {
    clock += 3 * 200 * HOUR; // seeded long jobs move 200 times slower than new runs
    const all = await call(emu, 'GET', '/api/v2/jobs', { query: { page_size: '200' } });
    const statuses: string[] = [];
    for (const job of all.body.jobs) {
      const runs = await call(
        emu,
        'GET',
        `/api/v2/projects/${job.project.public_identifier}/jobs/${job.id}/runs`,
      );
      statuses.push(...runs.body.job_runs.map((r: { status: string }) => r.status));
    }
    expect(statuses).toContain('ENGINE_FAILED');
    // The clock has moved far past the seed: nothing seeded is still scheduling or starting.
    expect(statuses).not.toContain('ENGINE_SCHEDULING');
    expect(statuses).not.toContain('ENGINE_STARTING');
  });

  it('LogExperimentRunBatch is kept: GetExperimentRun data and GetExperimentRunMetrics return it', async () => {
    const experiments = `/api/v2/projects/${projectId}/experiments`;
    const exp = (await call(emu, 'POST', experiments, { body: { name: 'tuning' } })).body;
    const runs = `${experiments}/${exp.id}/runs`;
    const run = (await call(emu, 'POST', runs, { body: { run_name: 'first' } })).body;
    const batch = {
      metrics: [
        { key: 'accuracy', value: 0.8, step: '0' },
        { key: 'accuracy', value: 0.9, step: '1' },
        { key: 'loss', value: 0.2, step: '1' },
      ],
      params: [{ key: 'lr', value: '0.01' }],
      tags: [{ key: 'team', value: 'risk' }],
    };
    expect((await call(emu, 'POST', `${runs}/${run.id}:logbatch`, { body: batch })).status).toBe(200);
    const read = (await call(emu, 'GET', `${runs}/${run.id}`)).body;
    expect(read.data.params).toEqual([{ key: 'lr', value: '0.01' }]);
    expect(read.data.tags).toEqual([{ key: 'team', value: 'risk' }]);
    const metrics = (await call(emu, 'GET', `${runs}/${run.id}/metrics/accuracy`)).body.metrics;
    expect(metrics.map((m: { value: number; step: string }) => [m.value, m.step])).toEqual([
      [0.8, '0'],
      [0.9, '1'],
    ]);
  });
});

describe('live: who you are matters', () => {
  it('an ordinary key gets 403 {"code":7,...} from GET /api/v2/workloads/executions', async () => {
    const refused = await call(emu, 'GET', '/api/v2/workloads/executions');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 7, message: 'User is not an observability machine user' });
    expect((await call(emu, 'GET', '/api/v2/workloads/executions', { token: MACHINE })).status).toBe(200);
  });

  it('validate_key {"audience":"API"} answers {valid, username, message}; another audience 403', async () => {
    const ok = await call(emu, 'POST', '/api/v2/auth/validate_key', { body: { audience: 'API' } });
    expect(ok.body).toEqual({ valid: true, username: emu.username, message: expect.any(String) });
    const other = await call(emu, 'POST', '/api/v2/auth/validate_key', { body: { audience: 'Application' } });
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('audience mismatch');
  });

  it('a project slug is its name lower-cased', async () => {
    expect((await call(emu, 'GET', `/api/v2/projects/${projectId}`)).body.slug).toBe('fidelity-check');
  });
});

describe('live: files as a workspace lists them', () => {
  const upload = (path: string, text: string): Promise<Answer> => {
    const form = new FormData();
    form.append(path, new Blob([text]), path.split('/').pop());
    return call(emu, 'POST', `/api/v2/projects/${projectId}/files`, { form });
  };

  it('an upload onto an occupied path in a subfolder keeps both, answers an empty 200 body', async () => {
    const first = await upload('reports/q1.csv', 'one');
    expect(first.status).toBe(200);
    expect(first.text).toBe('');
    expect((await upload('reports/q1.csv', 'two')).status).toBe(200);
    const listing = await call(emu, 'GET', `/api/v2/projects/${projectId}/files/reports`);
    expect(listing.body.files.map((f: { path: string }) => f.path).sort()).toEqual(['q1(1).csv', 'q1.csv']);
  });
});

describe('demo data reads true', () => {
  it('updated_at never before created_at, stopped_at only on stopped things, one id format per resource', async () => {
    const projects = (await call(emu, 'GET', '/api/v2/projects', { query: { page_size: '24' } })).body
      .projects;
    const ids = new Map<string, Set<string>>();
    const note = (kind: string, id: string) => {
      const shape = id.replace(/[a-z]/g, 'a').replace(/[0-9]/g, 'a');
      ids.set(kind, (ids.get(kind) ?? new Set()).add(shape));
    };
    for (const project of projects) {
      note('project', project.id);
      const base = `/api/v2/projects/${project.id}`;
      for (const [path, field] of [
        ['jobs', 'jobs'],
        ['applications', 'applications'],
        ['models', 'models'],
      ] as const) {
        for (const item of (await call(emu, 'GET', `${base}/${path}`)).body[field]) {
          note(path, item.id);
          if (item.updated_at) expect(item.updated_at >= item.created_at, `${path} ${item.id}`).toBe(true);
          if (item.stopped_at) expect(item.status, `${path} ${item.id}`).toMatch(/STOPPED|stopped/);
        }
      }
      for (const model of (await call(emu, 'GET', `${base}/models`)).body.models) {
        for (const build of (await call(emu, 'GET', `${base}/models/${model.id}/builds`)).body.model_builds) {
          note('builds', build.id);
          const deployments = `${base}/models/${model.id}/builds/${build.id}/deployments`;
          for (const dep of (await call(emu, 'GET', deployments)).body.model_deployments) {
            note('deployments', dep.id);
            expect(dep.updated_at >= dep.created_at).toBe(true);
            expect(dep.memory).toBeLessThanOrEqual(64); // GiB, not MB
          }
        }
      }
    }
    for (const [kind, shapes] of ids) expect(shapes.size, kind).toBe(1);
  });

  it('a new job is listed where its created_at puts it (after the seeded ones)', async () => {
    const project = (
      await call(emu, 'GET', '/api/v2/projects', { query: { page_size: '24' } })
    ).body.projects.find((p: { owner: { username: string } }) => p.owner.username !== emu.username);
    const path = `/api/v2/projects/${project.id}/jobs`;
    const made = await call(emu, 'POST', path, {
      body: { name: 'latest', script: 'a.py', runtime_identifier: RUNTIME },
    });
    const listed = (await call(emu, 'GET', path, { query: { page_size: '50' } })).body.jobs;
    const times = listed.map((j: { created_at: string }) => j.created_at);
    expect(times).toEqual([...times].sort());
    expect(listed[listed.length - 1].id).toBe(made.body.id);
  });
});

/** Fills a path template with ids that exist: a parent with children where there are any. */
async function concretePath(template: string): Promise<string> {
  const segments = template.split('/');
  const walk = async (i: number, prefix: string): Promise<string | undefined> => {
    if (i === segments.length) return prefix;
    const segment = segments[i] as string;
    if (!segment.startsWith('{')) return walk(i + 1, i === 0 ? segment : `${prefix}/${segment}`);
    const listed = await call(emu, 'GET', prefix, { query: { page_size: '30' } });
    const items = Object.values(listed.body ?? {}).find(Array.isArray) ?? [];
    const candidates = items.map((item: Record<string, unknown>) => String(item.id ?? item.username ?? 'x'));
    for (const id of candidates.length ? candidates : ['x']) {
      const rest = await walk(i + 1, `${prefix}/${encodeURIComponent(id)}`);
      if (rest === undefined) continue;
      if (i + 1 === segments.length || (await call(emu, 'GET', rest)).status !== 404) return rest;
    }
    return undefined;
  };
  return (await walk(0, '')) ?? template;
}

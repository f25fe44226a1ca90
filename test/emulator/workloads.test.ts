import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, startReal } from './emulator-harness.js';

const ORDER = ['ENGINE_SCHEDULING', 'ENGINE_STARTING', 'ENGINE_RUNNING', 'ENGINE_SUCCEEDED'];
const HOUR = 3_600_000;
/** The slow emulator's clock: it moves only when a test says so. */
let clock = Date.UTC(2026, 11, 1);
const tick = () => {
  clock += HOUR;
};

describe('workloads that move on their own', () => {
  let fast: Emulator;
  let slow: Emulator;
  let projectId: string;
  let jobId: string;
  beforeAll(async () => {
    fast = await startReal({ seed: 'none', runStepMs: 5 });
    slow = await startReal({ seed: 'none', runStepMs: HOUR, now: () => clock });
    projectId = (await call(fast, 'POST', '/api/v2/projects', { body: { name: 'runs' } })).body.id;
    jobId = (
      await call(fast, 'POST', `/api/v2/projects/${projectId}/jobs`, {
        body: { name: 'j', script: 'j.py', runtime_identifier: 'docker.example/py:1', kernel: 'python3' },
      })
    ).body.id;
  });
  afterAll(async () => {
    await fast.close();
    await slow.close();
  });

  it('advances a job run through scheduling, starting, running to succeeded', async () => {
    const run = await call(fast, 'POST', `/api/v2/projects/${projectId}/jobs/${jobId}/runs`, {
      body: { arguments: '--x' },
    });
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      project_id: projectId,
      job_id: jobId,
      arguments: '--x',
      kernel: 'python3',
    });
    expect(run.body.id).toMatch(/^[a-z0-9]{16}$/);
    const seen = [run.body.status as string];
    let current = run.body;
    while (current.status !== 'ENGINE_SUCCEEDED') {
      await new Promise((resolve) => setTimeout(resolve, 2));
      current = (await call(fast, 'GET', `/api/v2/projects/${projectId}/jobs/${jobId}/runs/${run.body.id}`))
        .body;
      if (seen[seen.length - 1] !== current.status) seen.push(current.status);
    }
    // States only ever move forward, in CML's order.
    const positions = seen.map((s) => ORDER.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(current.finished_at >= current.running_at).toBe(true);
    const listed = await call(fast, 'GET', `/api/v2/projects/${projectId}/jobs/${jobId}/runs`);
    expect(listed.body.job_runs.map((r: { id: string }) => r.id)).toContain(run.body.id);
  });

  it('stops a run with :stop', async () => {
    const p = (await call(slow, 'POST', '/api/v2/projects', { body: { name: 'stop' } })).body.id;
    const j = (
      await call(slow, 'POST', `/api/v2/projects/${p}/jobs`, {
        body: { name: 'j', script: 'j.py', runtime_identifier: 'docker.example/py:1' },
      })
    ).body.id;
    const run = await call(slow, 'POST', `/api/v2/projects/${p}/jobs/${j}/runs`, { body: {} });
    expect(run.body.status).toBe('ENGINE_SCHEDULING');
    const stopped = await call(slow, 'POST', `/api/v2/projects/${p}/jobs/${j}/runs/${run.body.id}:stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('ENGINE_STOPPING');
    tick();
    const again = await call(slow, 'GET', `/api/v2/projects/${p}/jobs/${j}/runs/${run.body.id}`);
    expect(again.body.status).toBe('ENGINE_STOPPED');
    expect(again.body.finished_at).toBeTruthy();
    expect((await call(slow, 'POST', `/api/v2/projects/${p}/jobs/${j}/runs/nope:stop`)).status).toBe(404);
  });

  it('stops and restarts applications', async () => {
    const p = (await call(slow, 'POST', '/api/v2/projects', { body: { name: 'apps' } })).body.id;
    const app = await call(slow, 'POST', `/api/v2/projects/${p}/applications`, {
      body: { name: 'dash', subdomain: 'dash', script: 'app.py' },
    });
    expect(app.body.status).toBe('APPLICATION_STARTING');
    const base = `/api/v2/projects/${p}/applications/${app.body.id}`;
    const stopping = await call(slow, 'POST', `${base}:stop`);
    expect(stopping.body.status).toBe('APPLICATION_STOPPING');
    tick();
    const stopped = await call(slow, 'GET', base);
    expect(stopped.body.status).toBe('APPLICATION_STOPPED');
    expect(stopped.body.stopped_at).toBeTruthy();
    const restarted = await call(slow, 'POST', `${base}:restart`);
    expect(restarted.body.status).toBe('APPLICATION_STARTING');
    expect(restarted.body.stopped_at).toBeUndefined();
  });

  it('restarts and stops model deployments', async () => {
    const p = (await call(slow, 'POST', '/api/v2/projects', { body: { name: 'models' } })).body.id;
    const m = (await call(slow, 'POST', `/api/v2/projects/${p}/models`, { body: { name: 'm' } })).body.id;
    const b = (await call(slow, 'POST', `/api/v2/projects/${p}/models/${m}/builds`, { body: {} })).body;
    expect(b.model_id).toBe(m);
    const base = `/api/v2/projects/${p}/models/${m}/builds/${b.id}/deployments`;
    const d = (await call(slow, 'POST', base, { body: { cpu: 1, memory: 2 } })).body;
    expect(d).toMatchObject({ project_id: p, model_id: m, build_id: b.id, status: 'pending' });
    expect((await call(slow, 'POST', `${base}/${d.id}:stop`)).body.status).toBe('stopping');
    tick();
    expect((await call(slow, 'GET', `${base}/${d.id}`)).body.status).toBe('stopped');
    expect((await call(slow, 'POST', `${base}/${d.id}:restart`)).body.status).toBe('pending');
  });
});

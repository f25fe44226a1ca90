import { describe, expect, it } from 'vitest';
import { call, startReal } from './emulator-harness.js';

describe('emulators in one process share nothing', () => {
  it('each has its own store, ids and clock', async () => {
    let clock = Date.UTC(2026, 11, 1);
    const [a, b] = await Promise.all([
      startReal({ seed: 'none', runStepMs: 1000, now: () => clock }),
      startReal({ seed: 'none', runStepMs: 1_000_000, now: () => clock }),
    ]);
    try {
      const body = { name: 'same', script: 'a.py', runtime_identifier: 'docker.example/py:1' };
      const runOn = async (emu: typeof a) => {
        const project = (await call(emu, 'POST', '/api/v2/projects', { body: { name: 'same' } })).body;
        const jobs = `/api/v2/projects/${project.id}/jobs`;
        const job = (await call(emu, 'POST', jobs, { body })).body;
        const run = (await call(emu, 'POST', `${jobs}/${job.id}/runs`, { body: {} })).body;
        return { project, path: `${jobs}/${job.id}/runs/${run.id}` };
      };
      const [ra, rb] = [await runOn(a), await runOn(b)];
      for (const emu of [a, b]) {
        const all = await call(emu, 'GET', '/api/v2/projects', { query: { include_all_projects: 'true' } });
        expect(all.body.projects).toHaveLength(1);
      }
      clock += 5000;
      expect((await call(a, 'GET', ra.path)).body.status).toBe('ENGINE_SUCCEEDED');
      expect((await call(b, 'GET', rb.path)).body.status).toBe('ENGINE_SCHEDULING');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, startReal } from './emulator-harness.js';

describe('resources round trip', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startReal();
  });
  afterAll(() => emu.close());

  it('creates, reads, lists, patches and deletes a project, taking its children with it', async () => {
    const created = await call(emu, 'POST', '/api/v2/projects', {
      body: { name: 'round-trip', description: 'first', visibility: 'private', template: 'local' },
    });
    expect(created.status).toBe(200);
    const id: string = created.body.id;
    expect(id).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
    expect(created.body).toMatchObject({
      name: 'round-trip',
      description: 'first',
      owner: { username: emu.username },
    });
    expect(created.body.template).toBeUndefined(); // request-only fields never leak into the resource

    const read = await call(emu, 'GET', `/api/v2/projects/${id}`);
    expect(read.body).toEqual(created.body);

    const listed = await call(emu, 'GET', '/api/v2/projects', {
      query: { search_filter: JSON.stringify({ name: 'round-trip' }) },
    });
    expect(listed.body.projects.map((p: { id: string }) => p.id)).toEqual([id]);

    const patched = await call(emu, 'PATCH', `/api/v2/projects/${id}`, {
      body: { description: 'second', id: 'ignored' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, name: 'round-trip', description: 'second' });
    expect((await call(emu, 'GET', `/api/v2/projects/${id}`)).body.description).toBe('second');

    const job = await call(emu, 'POST', `/api/v2/projects/${id}/jobs`, {
      body: { name: 'nightly', script: 'a.py', runtime_identifier: 'docker.example/py:1' },
    });
    expect(job.body).toMatchObject({ name: 'nightly', script: 'a.py', project: { public_identifier: id } });
    const jobPatch = await call(emu, 'PATCH', `/api/v2/projects/${id}/jobs/${job.body.id}`, {
      body: { name: 'hourly' },
    });
    expect(jobPatch.body.name).toBe('hourly');

    expect((await call(emu, 'DELETE', `/api/v2/projects/${id}`)).status).toBe(200);
    const gone = await call(emu, 'GET', `/api/v2/projects/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: 5, details: [] });
    expect((await call(emu, 'GET', `/api/v2/projects/${id}/jobs/${job.body.id}`)).status).toBe(404);
    expect((await call(emu, 'GET', `/api/v2/projects/${id}/jobs`)).status).toBe(404);
    expect((await call(emu, 'DELETE', `/api/v2/projects/${id}`)).status).toBe(404);
  });

  it('lists workspace-wide jobs across projects, including new ones', async () => {
    const project = await call(emu, 'POST', '/api/v2/projects', { body: { name: 'all-jobs' } });
    const job = await call(emu, 'POST', `/api/v2/projects/${project.body.id}/jobs`, {
      body: { name: 'unique-job-name-42', script: 'a.py', runtime_identifier: 'docker.example/py:1' },
    });
    const all = await call(emu, 'GET', '/api/v2/jobs', {
      query: { search_filter: JSON.stringify({ name: 'unique-job-name-42' }) },
    });
    expect(all.body.jobs.map((j: { id: string }) => j.id)).toEqual([job.body.id]);
  });

  it('upserts collaborators with PUT and lists them', async () => {
    const project = await call(emu, 'POST', '/api/v2/projects', { body: { name: 'collab' } });
    const put = await call(emu, 'PUT', `/api/v2/projects/${project.body.id}/collaborators/bruno.lindqvist`, {
      body: { permission: 'write' },
    });
    expect(put.status).toBe(200);
    const list = await call(emu, 'GET', `/api/v2/projects/${project.body.id}/collaborators`);
    expect(list.body.collaborators).toHaveLength(1);
    const del = await call(
      emu,
      'DELETE',
      `/api/v2/projects/${project.body.id}/collaborators/bruno.lindqvist`,
    );
    expect(del.status).toBe(200);
    expect(
      (await call(emu, 'GET', `/api/v2/projects/${project.body.id}/collaborators`)).body.collaborators,
    ).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, startReal } from './emulator-harness.js';

describe('state file', () => {
  it('survives a restart, deletions and uploads included', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'cmlsh-emu-')), 'state.json');
    const first = await startReal({ stateFile, seedProjects: 5 });
    const created = await call(first, 'POST', '/api/v2/projects', { body: { name: 'kept' } });
    const all = { include_all_projects: 'true' };
    const doomed = (await call(first, 'GET', '/api/v2/projects', { query: { ...all, page_size: '1' } })).body
      .projects[0].id;
    expect((await call(first, 'DELETE', `/api/v2/projects/${doomed}`)).status).toBe(200);
    const form = new FormData();
    form.append('notes.txt', new Blob(['remember me']), 'notes.txt');
    await call(first, 'POST', `/api/v2/projects/${created.body.id}/files`, { form });
    await first.close();
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).format).toBe(1);

    const second = await startReal({ stateFile, seedProjects: 5 });
    try {
      const read = await call(second, 'GET', `/api/v2/projects/${created.body.id}`);
      expect(read.body).toEqual(created.body);
      expect((await call(second, 'GET', `/api/v2/projects/${doomed}`)).status).toBe(404);
      const listed = await call(second, 'GET', '/api/v2/projects', { query: { ...all, page_size: '50' } });
      expect(listed.body.projects).toHaveLength(5); // 5 seeded - 1 deleted + 1 created, no re-seed
      const file = await call(second, 'POST', `/api/v2/projects/${created.body.id}/files/notes.txt:download`);
      expect(file.text).toBe('remember me');
    } finally {
      await second.close();
    }
  });
});

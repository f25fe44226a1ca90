import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, startReal } from './emulator-harness.js';

function upload(emu: Emulator, projectId: string, files: Record<string, Uint8Array<ArrayBuffer> | string>) {
  const form = new FormData();
  for (const [path, data] of Object.entries(files))
    form.append(path, new Blob([data]), path.split('/').pop());
  return call(emu, 'POST', `/api/v2/projects/${projectId}/files`, { form });
}

describe('project files', () => {
  let emu: Emulator;
  let projectId: string;
  beforeAll(async () => {
    emu = await startReal({ seed: 'none' });
    projectId = (await call(emu, 'POST', '/api/v2/projects', { body: { name: 'files' } })).body.id;
  });
  afterAll(() => emu.close());

  it('stores uploads at the field name and never overwrites', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 13, 10]);
    expect((await upload(emu, projectId, { 'data/report.csv': 'a,b\n1,2\n' })).status).toBe(200);
    expect((await upload(emu, projectId, { 'data/report.csv': 'second' })).status).toBe(200);
    expect((await upload(emu, projectId, { 'data/report.csv': 'third', 'bin/blob': bytes })).status).toBe(
      200,
    );

    const listing = await call(emu, 'GET', `/api/v2/projects/${projectId}/files/data`);
    expect(listing.status).toBe(200);
    // Live: a folder lists its entries by name, relative to the folder.
    expect(listing.body.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'report(1).csv',
      'report(2).csv',
      'report.csv',
    ]);
    const root = await call(emu, 'GET', `/api/v2/projects/${projectId}/files/`);
    expect(root.body.files).toEqual(
      expect.arrayContaining([
        { path: 'data', is_dir: true },
        { path: 'bin', is_dir: true },
      ]),
    );

    const first = await call(emu, 'POST', `/api/v2/projects/${projectId}/files/data/report.csv:download`);
    expect(first.text).toBe('a,b\n1,2\n');
    expect(
      (await call(emu, 'POST', `/api/v2/projects/${projectId}/files/data/report(1).csv:download`)).text,
    ).toBe('second');
    const res = await fetch(`${emu.url}/api/v2/projects/${projectId}/files/bin%2Fblob:download`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-token' },
    });
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it('renames with PATCH, deletes, and 404s on missing files', async () => {
    await upload(emu, projectId, { 'tmp/old.txt': 'x' });
    const moved = await call(emu, 'PATCH', `/api/v2/projects/${projectId}/files/tmp/old.txt`, {
      body: { path: 'tmp/new.txt' },
    });
    expect(moved.body).toEqual({ path: 'tmp/new.txt', is_dir: false, file_size: '1' });
    expect((await call(emu, 'POST', `/api/v2/projects/${projectId}/files/tmp/old.txt:download`)).status).toBe(
      404,
    );
    expect((await call(emu, 'DELETE', `/api/v2/projects/${projectId}/files/tmp`)).status).toBe(200);
    const missing = await call(emu, 'GET', `/api/v2/projects/${projectId}/files/tmp`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe(5);
  });

  it('answers 202 to a runtime addon upload', async () => {
    const form = new FormData();
    form.append('file', new Blob(['addon']), 'addon.tar.gz');
    const answer = await call(emu, 'POST', '/api/v2/runtimeaddons', { form });
    expect(answer.status).toBe(202);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { realSpecDocument } from '../helpers/real-spec.js';
import { call, startReal } from './emulator-harness.js';

describe('auth and errors', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startReal({ tokens: ['key-one', 'key-two'] });
  });
  afterAll(() => emu.close());

  it('serves the spec as-is without a key', async () => {
    const answer = await call(emu, 'GET', '/api/v2/swagger.json', { token: null });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(realSpecDocument());
  });

  it.each([
    ['no header', null],
    ['a wrong key', 'demo-token'],
  ])('answers 401 code 16 for %s', async (_, token) => {
    const answer = await call(emu, 'GET', '/api/v2/projects', { token });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 16, details: [] });
    expect(answer.body.message).toBeTruthy();
  });

  it('accepts every configured key', async () => {
    expect((await call(emu, 'GET', '/api/v2/projects', { token: 'key-two' })).status).toBe(200);
  });

  it('validates a key for the API audience and refuses others with 403', async () => {
    const ok = await call(emu, 'POST', '/api/v2/auth/validate_key', {
      token: 'key-one',
      body: { audience: 'API' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ valid: true, username: emu.username, message: expect.any(String) });
    const other = await call(emu, 'POST', '/api/v2/auth/validate_key', {
      token: 'key-one',
      body: { audience: 'Application' },
    });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 7, message: 'audience mismatch', details: [] });
  });

  it('answers 404 code 5 for unknown ids and unknown routes', async () => {
    const project = await call(emu, 'GET', '/api/v2/projects/zzzz-zzzz-zzzz-zzzz', { token: 'key-one' });
    expect(project.status).toBe(404);
    expect(project.body).toMatchObject({ code: 5, details: [] });
    expect(project.body.message).toContain('zzzz-zzzz-zzzz-zzzz');
    const route = await call(emu, 'GET', '/api/v2/no/such/thing', { token: 'key-one' });
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ code: 5, details: [] });
  });

  it('answers 405 for a known path with the wrong method, and 400 for a bad JSON body', async () => {
    const wrong = await call(emu, 'PUT', '/api/v2/projects', { token: 'key-one', body: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.body).toMatchObject({ code: 12 });
    const res = await fetch(`${emu.url}/api/v2/projects`, {
      method: 'POST',
      headers: { authorization: 'Bearer key-one', 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 3, details: [] });
  });

  it('prefers literal segments and routes custom verbs', async () => {
    const batch = await call(emu, 'GET', '/api/v2/projects/batch', { token: 'key-one' });
    expect(batch.status).toBe(200);
    const update = await call(emu, 'POST', '/api/v2/runtimes:update', { token: 'key-one', body: {} });
    expect(update.status).toBe(200);
    const validate = await call(emu, 'GET', '/api/v2/runtimes:validate', { token: 'key-one' });
    expect(validate.status).toBe(200);
  });
});

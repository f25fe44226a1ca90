import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, FaultKind } from '../../src/emulator/index.js';
import { call, startReal } from './emulator-harness.js';

/** A random source that replays a script, so each request's fate is known in advance. */
function scripted(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

/** Raw GET that reports how the exchange ended, even when the socket is cut. */
function rawGet(
  url: string,
): Promise<{ status?: number; body?: string; error?: string; complete?: boolean }> {
  return new Promise((resolve) => {
    const req = request(url, { headers: { authorization: 'Bearer demo-token' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      // 'close' comes whether the body ended or the connection was cut midway.
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body, complete: res.complete }));
      res.on('error', () => {});
    });
    req.on('error', (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end();
  });
}

describe('injected faults', () => {
  let emu: Emulator;
  // Each request draws twice: whether it fails (< 0.5 fails), then which of the four kinds.
  const kinds: FaultKind[] = ['503', '429', 'reset', 'truncate'];
  beforeAll(async () => {
    emu = await startReal({
      seedProjects: 3,
      faultRate: 0.5,
      faultKinds: kinds,
      retryAfterSeconds: 0.01,
      random: scripted([0.1, 0.0, 0.1, 0.3, 0.1, 0.6, 0.1, 0.9, 0.99]),
    });
  });
  afterAll(() => emu.close());

  it('produces 503, 429 with Retry-After, a reset and a truncated body, then a clean answer', async () => {
    const url = `${emu.url}/api/v2/projects`;
    const unavailable = await call(emu, 'GET', '/api/v2/projects');
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toMatchObject({ code: 14, details: [] });

    const limited = await call(emu, 'GET', '/api/v2/projects');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('0.01');
    expect(limited.body).toMatchObject({ code: 8 });

    const reset = await rawGet(url);
    expect(reset.error).toBeDefined();
    expect(reset.status).toBeUndefined();

    const truncated = await rawGet(url);
    expect(truncated.status).toBe(200);
    // The whole length announced, half of it sent, then the connection cut.
    expect(truncated.complete).toBe(false);
    expect(() => JSON.parse(truncated.body ?? '')).toThrow();
    expect(truncated.body?.startsWith('{"projects":[')).toBe(true);

    // Draw 0.99 is above the rate: no fault.
    const clean = await call(emu, 'GET', '/api/v2/projects');
    expect(clean.status).toBe(200);
    expect(clean.body.projects.length).toBeGreaterThan(0);
  });

  it('never faults the spec download, and can be switched off live', async () => {
    emu.configure({ faultRate: 1, faultKinds: ['503'] });
    expect((await call(emu, 'GET', '/api/v2/swagger.json', { token: null })).status).toBe(200);
    expect((await call(emu, 'GET', '/api/v2/projects')).status).toBe(503);
    emu.configure({ faultRate: 0 });
    expect((await call(emu, 'GET', '/api/v2/projects')).status).toBe(200);
    expect(emu.requestCount).toBeGreaterThanOrEqual(8);
  });
});

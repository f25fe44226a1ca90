import { connect as tcpConnect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { realSpecDocument } from '../helpers/real-spec.js';

const TOKEN = 'abuse-token';
const auth = { authorization: `Bearer ${TOKEN}` };
let emulator: Emulator;
let projectId: string;
/** Another project, for the fuzz to create, patch and delete under. */
let fuzzProjectId: string;

beforeAll(async () => {
  emulator = await startEmulator({ document: realSpecDocument(), tokens: [TOKEN], seedProjects: 300 });
  const res = await fetch(`${emulator.url}/api/v2/projects?page_size=2`, { headers: auth });
  const [stable, victim] = ((await res.json()) as { projects: { id: string }[] }).projects;
  projectId = stable!.id;
  fuzzProjectId = victim!.id;
});
afterAll(() => emulator.close());

async function healthy(): Promise<void> {
  const res = await fetch(`${emulator.url}/api/v2/projects/${projectId}`, { headers: auth });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { id: string }).id).toBe(projectId);
}

function rawExchange(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcpConnect(emulator.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.setTimeout(2000, () => socket.destroy());
    socket.end(bytes);
  });
}

/** Runs `count` GETs over `connections` keep-alive connections; returns the status counts. */
async function load(connections: number, count: number): Promise<Map<number, number>> {
  const dispatcher = new Agent({ connections, pipelining: 1 });
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const res = await request(`${emulator.url}/api/v2/projects/${projectId}`, {
        headers: auth,
        dispatcher,
      });
      await res.body.arrayBuffer();
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await dispatcher.close();
  return statuses;
}

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('the emulator under abuse', () => {
  it('answers malformed HTTP with 4xx and keeps serving', async () => {
    const garbage = [
      'GARBAGE\r\n\r\n',
      'GET /api/v2/projects HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n',
      `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'GET /api/v2/projects HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n',
      Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10]),
    ];
    for (const bytes of garbage) {
      const answer = await rawExchange(bytes);
      if (answer) expect(answer).toMatch(/^HTTP\/1\.1 4\d\d/);
    }
    await healthy();
  });

  it('never answers 5xx or crashes for random paths, queries and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'),
        fc.constantFrom(
          '/api/v2/projects',
          `/api/v2/projects/${fuzzProjectId}`,
          `/api/v2/projects/${fuzzProjectId}/jobs`,
          '/api/v2/runtimes',
          `/api/v2/projects/${fuzzProjectId}/files`,
        ),
        fc.string(),
        fc.oneof(fc.string(), fc.json(), fc.constant('{"name": 1e999, "x": [')),
        fc.constantFrom('search_filter', 'sort', 'page_token', 'page_size', 'x'),
        async (method, path, suffix, body, queryName) => {
          const url = `${emulator.url}${path}${encodeURI(suffix).replace(/[?#]/g, '')}?${queryName}=${encodeURIComponent(suffix)}`;
          const res = await fetch(url, {
            method,
            headers: { ...auth, 'content-type': 'application/json' },
            ...(method === 'GET' || method === 'DELETE' ? {} : { body }),
          });
          const text = await res.text();
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            const error = JSON.parse(text) as { code: unknown; message: unknown };
            expect(typeof error.code).toBe('number');
            expect(typeof error.message).toBe('string');
          }
        },
      ),
      { numRuns: 400 },
    );
    await healthy();
  });

  it('survives a bounded load on 32 connections with only 200s and no growing heap', async () => {
    const first = await load(32, 3000);
    expect([...first.keys()]).toEqual([200]);
    const before = heapAfterGc();
    const second = await load(32, 6000);
    expect(second.get(200)).toBe(6000);
    const after = heapAfterGc();
    // Twice the requests must not leave the heap measurably larger: nothing kept per request.
    expect(after - before).toBeLessThan(16 * 1024 * 1024);
    await healthy();
  });
});

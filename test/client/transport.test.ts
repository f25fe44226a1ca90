import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_HINTS } from '../../src/cli/hints.js';
import { createTransport, type TransportEvent } from '../../src/client/index.js';
import {
  CmlAbortError,
  CmlApiError,
  CmlAuthError,
  CmlNetworkError,
  CmlTimeoutError,
  describeError,
} from '../../src/errors/index.js';
import { caught } from '../helpers/caught.js';
import { startRecordingServer } from '../helpers/recording-server.js';

const fast = { baseDelayMs: 1, maxDelayMs: 20, random: () => 0.5 };
let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

describe('transport', () => {
  it('turns a runtimeError into one readable line with status, gRPC code and operation', async () => {
    server = await startRecordingServer(
      json(404, { error: 'not found', code: 5, message: 'project abc not found', details: [] }),
    );
    const transport = createTransport({ baseUrl: server.url, token: 't' });
    const error = await caught(
      transport.request({
        method: 'GET',
        path: '/api/v2/projects/abc',
        operation: 'getProject',
        idempotent: true,
      }),
    );
    expect(error).toBeInstanceOf(CmlApiError);
    expect(error.message).toBe(
      `HTTP 404 (code 5 NOT_FOUND): project abc not found — getProject (GET ${server.url}/api/v2/projects/abc)`,
    );
    expect((error as CmlApiError).code).toBe(5);
    expect(server.requests).toHaveLength(1);
  });

  it('makes 401 an auth error that says how to log in', async () => {
    server = await startRecordingServer(json(401, { code: 16, message: 'invalid API key' }));
    const error = await caught(
      createTransport({ baseUrl: server.url, token: 'bad' }).request({
        method: 'GET',
        path: '/x',
        idempotent: true,
      }),
    );
    expect(error).toBeInstanceOf(CmlAuthError);
    expect(error.message).not.toContain('cmlsh login');
    expect(describeError(error, false, CLI_HINTS)).toContain('. Check the API key: run `cmlsh login`');
  });

  it('retries an idempotent request on 503 and reports the tries', async () => {
    let n = 0;
    server = await startRecordingServer((req, res) =>
      ++n < 3 ? json(503, { message: 'busy' })(req, res) : json(200, { ok: true })(req, res),
    );
    const events: TransportEvent[] = [];
    const transport = createTransport({ baseUrl: server.url, retry: fast, onEvent: (e) => events.push(e) });
    const response = await transport.request({ method: 'GET', path: '/x', idempotent: true });
    expect(response.data).toEqual({ ok: true });
    expect(response.tries).toBe(3);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e as { reason: string }).reason)).toEqual([
      'HTTP 503',
      'HTTP 503',
    ]);
  });

  it('never retries a POST that may have been applied, but does retry its 429', async () => {
    server = await startRecordingServer(json(503, { message: 'busy' }));
    const transport = createTransport({ baseUrl: server.url, retry: fast });
    await caught(transport.request({ method: 'POST', path: '/x', json: {}, idempotent: false }));
    expect(server.requests).toHaveLength(1);
    let n = 0;
    server.respondWith((req, res) =>
      ++n < 2
        ? json(429, { message: 'slow down' }, { 'retry-after': '0' })(req, res)
        : json(200, {})(req, res),
    );
    const response = await transport.request({ method: 'POST', path: '/x', json: {}, idempotent: false });
    expect(response.tries).toBe(2);
  });

  it('honours Retry-After as a floor on the wait', async () => {
    let n = 0;
    server = await startRecordingServer((req, res) =>
      ++n < 2 ? json(429, {}, { 'retry-after': '0.05' })(req, res) : json(200, {})(req, res),
    );
    const events: TransportEvent[] = [];
    await createTransport({
      baseUrl: server.url,
      retry: { ...fast, maxDelayMs: 1000 },
      onEvent: (e) => events.push(e),
    }).request({ method: 'GET', path: '/x', idempotent: true });
    const retry = events.find((e) => e.type === 'retry') as { waitMs: number };
    expect(retry.waitMs).toBeGreaterThanOrEqual(50);
  });

  it('gives up after the allowed tries and says how many were made', async () => {
    server = await startRecordingServer(json(502, { message: 'bad gateway' }));
    const error = await caught(
      createTransport({ baseUrl: server.url, retry: { ...fast, tries: 3 } }).request({
        method: 'GET',
        path: '/x',
        idempotent: true,
      }),
    );
    expect(error.message).toMatch(/^HTTP 502: bad gateway — GET .* after 3 tries$/);
    expect(server.requests).toHaveLength(3);
  });

  it('retries a body cut short, and a reset connection', async () => {
    let n = 0;
    server = await startRecordingServer((_req, res) => {
      n++;
      if (n === 1) {
        // Promises 100 bytes, sends 14, hangs up: the body was cut short.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"projects": [');
        setTimeout(() => res.socket?.destroy(), 10);
      } else if (n === 2) {
        res.socket?.destroy();
      } else {
        json(200, { projects: [] })(_req, res);
      }
    });
    const response = await createTransport({ baseUrl: server.url, retry: fast }).request({
      method: 'GET',
      path: '/x',
      idempotent: true,
    });
    expect(response.data).toEqual({ projects: [] });
    expect(response.tries).toBe(3);
  });

  it('says plainly when nothing listens at the host', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const error = await caught(
      createTransport({ baseUrl: `http://127.0.0.1:${port}`, retry: fast }).request({
        method: 'GET',
        path: '/x',
        idempotent: true,
      }),
    );
    expect(error).toBeInstanceOf(CmlNetworkError);
    expect(describeError(error, false, CLI_HINTS)).toBe(
      `Network error: connection refused — GET http://127.0.0.1:${port}/x. Check --host: nothing listens there`,
    );
  });

  it('times out a slow answer with a named error', async () => {
    server = await startRecordingServer((req, res) => setTimeout(() => json(200, {})(req, res), 500));
    const error = await caught(
      createTransport({ baseUrl: server.url, timeoutMs: 50, retry: { tries: 1 } }).request({
        method: 'GET',
        path: '/slow',
        idempotent: true,
      }),
    );
    expect(error).toBeInstanceOf(CmlTimeoutError);
    expect(error.message).toContain('Timed out after 50 ms');
  });

  it('cancels on abort, also while waiting to retry', async () => {
    server = await startRecordingServer(json(503, {}));
    const controller = new AbortController();
    const transport = createTransport({
      baseUrl: server.url,
      retry: { baseDelayMs: 5000, maxDelayMs: 5000, random: () => 1 },
    });
    const pending = transport.request(
      { method: 'GET', path: '/x', operation: 'listProjects', idempotent: true },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    const error = await caught(pending);
    expect(error).toBeInstanceOf(CmlAbortError);
    expect(error.message).toBe('Cancelled: listProjects');
  });

  it('returns bytes for a non-JSON answer and never sends the token anywhere but the header', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from([1, 2, 3]));
    });
    const events: TransportEvent[] = [];
    const response = await createTransport({
      baseUrl: server.url,
      token: 'secret-token-123456',
      onEvent: (e) => events.push(e),
    }).request({ method: 'POST', path: '/d:download', idempotent: false });
    expect([...(response.data as Uint8Array)]).toEqual([1, 2, 3]);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer secret-token-123456');
    expect(JSON.stringify(events)).not.toContain('secret-token-123456');
    expect(JSON.stringify(events)).toContain('Bearer ****3456');
  });
});

describe('https to a plain HTTP server', () => {
  it('says the server does not speak TLS, not that a certificate is bad', async () => {
    server = await startRecordingServer();
    const plain = server.url.replace('http://', 'https://');
    const error = await caught(
      createTransport({ baseUrl: plain, retry: fast }).request({
        method: 'GET',
        path: '/x',
        idempotent: true,
      }),
    );
    expect(error).toBeInstanceOf(CmlNetworkError);
    expect(describeError(error, false, CLI_HINTS)).toBe(
      `Network error: the server did not answer with TLS (https) — GET ${plain}/x. If it serves plain HTTP, give --host as http://…`,
    );
  });
});

describe('the key goes to its own workspace only', () => {
  it('fetches a spec URL on another host (or a look-alike host) without the Authorization header', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"swagger":"2.0","paths":{}}');
    });
    const foreign = server.url;
    const transport = createTransport({ baseUrl: 'http://127.0.0.1:1', token: 'workspace-key-123456' });
    expect(await transport.getJson(`${foreign}/swagger.json`)).toEqual({ swagger: '2.0', paths: {} });
    const lookAlike = createTransport({
      baseUrl: foreign.replace(/:\d+$/, ''),
      token: 'workspace-key-123456',
    });
    await lookAlike.getJson(`${foreign}/api/v2/swagger.json`);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    const own = createTransport({ baseUrl: foreign, token: 'workspace-key-123456' });
    await own.getJson(`${foreign}/api/v2/swagger.json`);
    expect(server.requests[2]?.headers.authorization).toBe('Bearer workspace-key-123456');
  });

  it('keeps the status of an error answer whose body is not JSON, without retrying it as a network error', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('<html>Internal Server Error</html>');
    });
    const error = await caught(
      createTransport({ baseUrl: server.url, retry: fast }).request({
        method: 'GET',
        path: '/x',
        idempotent: true,
      }),
    );
    expect(error).toBeInstanceOf(CmlApiError);
    expect(error.message).toMatch(/^HTTP 500: non-JSON answer: <html>Internal Server Error<\/html> — GET /);
    expect(server.requests).toHaveLength(1);
  });
});

import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/api/index.js';
import { CLI_HINTS } from '../../src/cli/hints.js';
import { createTransport } from '../../src/client/index.js';
import {
  CmlApiError,
  CmlNetworkError,
  CmlResponseError,
  CmlTimeoutError,
  describeError,
} from '../../src/errors/index.js';
import { REPL_HINTS } from '../../src/repl/hints.js';
import { builtinSpec } from '../../src/spec/index.js';
import { caught } from '../helpers/caught.js';
import { startRecordingServer } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = { method: 'GET', path: '/x', idempotent: true } as const;

function headersOnly(res: ServerResponse, headers: Record<string, string> = {}) {
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  res.write('{"projects": [');
  // ...and nothing more: the body stalls after the headers.
}

describe('every wait is bounded by the one timeout', () => {
  it('a body that stalls after its headers fails as a timeout, not a hang', async () => {
    server = await startRecordingServer((_req, res) => headersOnly(res));
    const error = await caught(createTransport({ baseUrl: server.url, timeoutMs: 300 }).request(get));
    expect(error).toBeInstanceOf(CmlTimeoutError);
    expect(error.message).toBe(`Timed out after 300 ms — GET ${server.url}/x`);
  });

  it('an unresponsive host is tried once within the timeout, not once per try', async () => {
    server = await startRecordingServer(() => {});
    const error = await caught(
      createTransport({ baseUrl: server.url, timeoutMs: 300, retry: { tries: 5 } }).request(get),
    );
    expect(error).toBeInstanceOf(CmlTimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it('no backoff wait starts that would end past the deadline', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"message":"busy"}');
    });
    // Waits of 800 ms then 1600 ms: the first fits in 2 s, the second cannot.
    const transport = createTransport({
      baseUrl: server.url,
      timeoutMs: 2000,
      retry: { tries: 5, baseDelayMs: 800, maxDelayMs: 10_000, random: () => 1 },
    });
    const error = await caught(transport.request(get));
    expect(error.message).toMatch(/^HTTP 503: busy — GET .* after 2 tries$/);
    expect(server.requests).toHaveLength(2);
  });

  it('a Retry-After beyond the deadline is reported at once, in words, with the surface hint', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': String(27 * 3600) });
      res.end('{"message":"maintenance"}');
    });
    const error = await caught(createTransport({ baseUrl: server.url, timeoutMs: 30_000 }).request(get));
    expect(error).toBeInstanceOf(CmlApiError);
    expect(error.message).toBe(
      `HTTP 503: maintenance — GET ${server.url}/x; the server asks to wait 27 h, longer than this call may take`,
    );
    expect(server.requests).toHaveLength(1);
    expect(describeError(error, false, CLI_HINTS)).toMatch(/Allow more time with --timeout MS/);
    expect(describeError(error, false, REPL_HINTS)).toMatch(/\{ timeoutMs \}/);
  });

  it('the spec fetch at start-up fails on the timeout: a one-shot command stops, the shell falls back', async () => {
    server = await startRecordingServer(() => {});
    const options = { host: server.url, token: 'k', timeoutMs: 300 };
    const error = await caught(connect({ ...options, failIfUnreachable: true }));
    expect(error).toBeInstanceOf(CmlTimeoutError);
    expect(describeError(error, false, CLI_HINTS)).toBe(
      `Timed out after 300 ms — GET ${server.url}/api/v2/swagger.json. Allow more time with --timeout MS, or check the host answers`,
    );
    const warnings: string[] = [];
    const fallback = await connect({ ...options, onWarning: (w) => warnings.push(w) });
    expect(fallback.spec.source).toBe('builtin');
    expect(warnings[0]).toMatch(/Could not load the workspace spec .*: Timed out after 300 ms/);
  });
});

describe('answers cmlsh cannot use are named, not retried', () => {
  it('a 200 with invalid JSON is "the server sent invalid JSON", asked once', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"projects": [}');
    });
    const error = await caught(createTransport({ baseUrl: server.url }).request(get));
    expect(error).toBeInstanceOf(CmlResponseError);
    expect(error.message).toMatch(/^The server sent invalid JSON \(.+\) — GET http:\/\/127\.0\.0\.1:\d+\/x$/);
    expect(server.requests).toHaveLength(1);
  });

  it('JSON nested 5000 deep is refused before anything tries to print it', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    });
    const error = await caught(createTransport({ baseUrl: server.url }).request(get));
    expect(error).toBeInstanceOf(CmlResponseError);
    expect(error.message).toMatch(/^The server sent invalid JSON \(nested deeper than 200 levels\)/);
  });

  it('a list field that is not an array is an error, not "no items"', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"projects": "none today", "next_page_token": ""}');
    });
    const { api } = await connect({ host: server.url, token: 'k', loadedSpec: builtinSpec() });
    const error = await caught(api.listProjects!({}));
    expect(error).toBeInstanceOf(CmlResponseError);
    expect(error.message).toBe(
      'The server sent "projects" as string, where a list was expected — listProjects (GET /api/v2/projects)',
    );
  });

  it('a server that hangs up without answering says so in plain words', async () => {
    server = await startRecordingServer((_req, res) => res.socket?.destroy());
    const error = await caught(
      createTransport({ baseUrl: server.url }).request({
        method: 'POST',
        path: '/x',
        json: {},
        idempotent: false,
      }),
    );
    expect(error).toBeInstanceOf(CmlNetworkError);
    expect(error.message).toBe(
      `Network error: the server closed the connection before answering — POST ${server.url}/x`,
    );
  });
});

describe('sizes are bounded', () => {
  it('a 600 MB answer is refused by its Content-Length, without reading it', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(600 * 2 ** 20) });
      res.write('[');
    });
    const error = await caught(createTransport({ baseUrl: server.url }).request(get));
    expect(error).toBeInstanceOf(CmlResponseError);
    expect(error.message).toBe(
      `The server sent an answer larger than the 256 MiB limit — GET ${server.url}/x`,
    );
  });

  it('an endless answer without a length stops at the limit', async () => {
    let written = 0;
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const error = await caught(
      createTransport({ baseUrl: server.url, maxResponseBytes: 2 ** 20 }).request(get),
    );
    expect(error).toBeInstanceOf(CmlResponseError);
    expect(error.message).toMatch(/larger than the 1 MiB limit/);
    expect(written).toBeLessThan(64 * 2 ** 20);
  });

  it('a 200 MB spec is refused and the shell falls back to the builtin spec', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * 2 ** 20) });
      res.write('{"swagger":"2.0",');
    });
    const warnings: string[] = [];
    const { spec } = await connect({ host: server.url, token: 'k', onWarning: (w) => warnings.push(w) });
    expect(spec.source).toBe('builtin');
    expect(warnings[0]).toMatch(/sent an answer larger than the 32 MiB limit/);
  });
});

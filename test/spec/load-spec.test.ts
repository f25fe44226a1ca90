import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../src/client/index.js';
import { CmlSpecError } from '../../src/errors/index.js';
import { hostSlug, loadExplicit, loadSpec } from '../../src/spec/index.js';
import { REAL_SPEC_PATH, realSpecDocument } from '../helpers/real-spec.js';
import { startRecordingServer } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecordingServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const temp = () => mkdtempSync(join(tmpdir(), 'cmlsh-spec-'));

describe('loading a spec', () => {
  it('reads the real spec from a file: 158 operations, version 26.06.13', async () => {
    const spec = await loadExplicit(REAL_SPEC_PATH);
    expect(spec.operations).toHaveLength(158);
    expect(spec.version).toBe('26.06.13');
  });

  it('explains a file that is not JSON, and one that is not Swagger 2.0', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'bad.json'), '{"swagger": ');
    writeFileSync(join(dir, 'oas3.json'), '{"openapi": "2.5", "paths": {}}');
    await expect(loadExplicit(join(dir, 'bad.json'))).rejects.toThrow(CmlSpecError);
    await expect(loadExplicit(join(dir, 'bad.json'))).rejects.toThrow(/is not valid JSON/);
    await expect(loadExplicit(join(dir, 'oas3.json'))).rejects.toThrow(
      'is neither Swagger 2.0 nor OpenAPI 3 (found OpenAPI 2.5)',
    );
    await expect(loadExplicit(join(dir, 'missing.json'))).rejects.toThrow(
      /Cannot read the spec .*missing\.json/,
    );
  });

  it('falls back to the builtin spec with a warning instead of crashing', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'bad.json'), 'not json');
    const warnings: string[] = [];
    const spec = await loadSpec({ spec: join(dir, 'bad.json'), onWarning: (w) => warnings.push(w) });
    expect(spec.source).toBe('builtin');
    expect(warnings[0]).toMatch(/not valid JSON; using the builtin spec instead$/);
  });

  it('fetches the workspace spec once, caches it per host and version, and uses the cache offline', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(realSpecDocument()));
    });
    const cacheDir = temp();
    const transport = createTransport({ baseUrl: server.url, token: 't' });
    const options = { host: server.url, cacheDir, fetchJson: (url: string) => transport.getJson(url) };
    const first = await loadSpec(options);
    expect(first.source).toBe('workspace');
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v2/swagger.json']);
    const files = readdirSync(join(cacheDir, 'specs', hostSlug(server.url))).sort();
    expect(files).toEqual(['26.06.13.json', 'current.json']);
    expect(statSync(join(cacheDir, 'specs', hostSlug(server.url), '26.06.13.json')).mode & 0o777).toBe(0o600);

    const second = await loadSpec(options);
    expect(second.source).toBe('cache');
    expect(server.requests).toHaveLength(1);

    const url = server.url;
    await server.close();
    server = undefined;
    const warnings: string[] = [];
    const offline = await loadSpec({
      ...options,
      host: url,
      maxAgeMs: 0,
      onWarning: (w) => warnings.push(w),
    });
    expect(offline.operations).toHaveLength(158);
    expect(warnings.join('\n')).toMatch(
      /Could not load the workspace spec[\s\S]*Using the cached spec 26\.06\.13/,
    );
  });
});

describe('a workspace that does not answer', () => {
  it('fails a one-shot command with the network error instead of falling back', async () => {
    const probe = await startRecordingServer();
    const url = probe.url;
    await probe.close();
    const transport = createTransport({ baseUrl: url, retry: { tries: 1 } });
    const options = { host: url, fetchJson: (u: string) => transport.getJson(u), failIfUnreachable: true };
    await expect(loadSpec(options)).rejects.toThrow(/^Network error: connection refused — GET /);
    const warnings: string[] = [];
    const spec = await loadSpec({ ...options, failIfUnreachable: false, onWarning: (w) => warnings.push(w) });
    expect(spec.source).toBe('builtin');
    expect(warnings).toHaveLength(2);
  });
});

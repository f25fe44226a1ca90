import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../src/client/index.js';
import { CmlSpecError } from '../../src/errors/index.js';
import { hostSlug, loadExplicit, loadSpec, SpecCache } from '../../src/spec/index.js';
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
    expect(files).toEqual(['26.06.13.json', '26.06.13.normalised', 'current.json']);
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

describe('the normalised spec cache', () => {
  const serveSpec = async (document: () => unknown) => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(document()));
    });
    const transport = createTransport({ baseUrl: server.url, token: 't' });
    const cacheDir = temp();
    return {
      cacheDir,
      dir: join(cacheDir, 'specs', hostSlug(server.url)),
      options: { host: server.url, cacheDir, fetchJson: (url: string) => transport.getJson(url) },
    };
  };

  it('starts from the normalised spec without reading or normalising the raw one', async () => {
    const { dir, options } = await serveSpec(realSpecDocument);
    const fetched = await loadSpec(options);
    // The raw document is gone: only the normalised file can answer.
    writeFileSync(join(dir, '26.06.13.json'), 'damaged');
    const spec = await loadSpec(options);
    expect(spec.source).toBe('cache');
    expect(server?.requests).toHaveLength(1);
    expect(spec.operations.map((op) => op.name)).toEqual(fetched.operations.map((op) => op.name));
    expect(spec.resources).toEqual(fetched.resources);
    expect(spec.operations.find((op) => op.operationId === 'UpdateJob')?.resource.idParam).toBe('job.id');
    expect(statSync(join(dir, '26.06.13.normalised')).mode & 0o777).toBe(0o600);
  });

  it('is not used when another cmlsh wrote it: the raw spec is normalised again and rewritten', async () => {
    const { dir, cacheDir, options } = await serveSpec(realSpecDocument);
    await loadSpec(options);
    const file = join(dir, '26.06.13.normalised');
    const cache = new SpecCache(cacheDir, '0.0.1-older');
    const pointer = JSON.parse(readFileSync(join(dir, 'current.json'), 'utf8')) as { fetchedAt: number };
    await cache.writeNormalised(options.host, '26.06.13', pointer.fetchedAt, {
      ...(await loadSpec(options)),
      operations: [],
    });
    expect((await cache.readNormalised(options.host))?.spec.operations).toEqual([]);
    expect(await new SpecCache(cacheDir).readNormalised(options.host)).toBeUndefined();
    const spec = await loadSpec(options);
    expect(spec.operations).toHaveLength(158);
    expect(server?.requests).toHaveLength(1);
    expect(await cache.readNormalised(options.host)).toBeUndefined();
    expect(readFileSync(file, 'latin1')).not.toContain('0.0.1-older');
    expect(await new SpecCache(cacheDir, '0.0.2-other').readNormalised(options.host)).toBeUndefined();
  });

  it('forgets a normalised file found damaged in a part: the next start builds it again from the raw spec', async () => {
    const { dir, options } = await serveSpec(realSpecDocument);
    await loadSpec(options);
    const file = join(dir, '26.06.13.normalised');
    const bytes = readFileSync(file);
    const start = bytes.indexOf('"Create a new job."');
    bytes.fill('{', start, start + '"Create a new job."'.length);
    writeFileSync(file, bytes);
    const damaged = await loadSpec(options);
    expect(damaged.source).toBe('cache');
    expect(() => damaged.operations.find((op) => op.name === 'createJob')?.params).toThrow(/was damaged/);
    expect(existsSync(file)).toBe(false);
    // From the raw spec beside it, without asking the workspace again.
    const again = await loadSpec(options);
    expect(again.operations.find((op) => op.name === 'createJob')?.params.length).toBeGreaterThan(0);
    expect(existsSync(file)).toBe(true);
    expect(server?.requests).toHaveLength(1);
  });

  it('follows a new raw spec: refreshed on request, the version change noticed in one line', async () => {
    let version = '26.06.13';
    const { options } = await serveSpec(() => {
      const document = realSpecDocument() as { info: object };
      return { ...document, info: { ...document.info, version } };
    });
    expect((await loadSpec(options)).version).toBe('26.06.13');
    version = '26.07.01';
    // Young cache: no request without refresh.
    expect((await loadSpec(options)).version).toBe('26.06.13');
    expect(server?.requests).toHaveLength(1);
    const warnings: string[] = [];
    const refreshed = await loadSpec({ ...options, refresh: true, onWarning: (w) => warnings.push(w) });
    expect(refreshed.version).toBe('26.07.01');
    expect(warnings).toEqual([
      "The workspace's API spec changed from 26.06.13 to 26.07.01; using the new one",
    ]);
    const next = await loadSpec(options);
    expect([next.source, next.version]).toEqual(['cache', '26.07.01']);
    expect(server?.requests).toHaveLength(2);
  });
});

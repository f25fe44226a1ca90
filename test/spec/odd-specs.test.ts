import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/api/index.js';
import { createTransport } from '../../src/client/index.js';
import { startEmulator } from '../../src/emulator/index.js';
import { CmlSpecError } from '../../src/errors/index.js';
import { loadSpec, normaliseSpec } from '../../src/spec/index.js';
import { startRecordingServer } from '../helpers/recording-server.js';

type Doc = Record<string, unknown>;
const thing = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } };
const answers = { '200': { description: 'ok', schema: { $ref: '#/definitions/Thing' } } };
const doc = (paths: Doc, definitions: Doc = { Thing: thing }): Doc => ({
  swagger: '2.0',
  info: { title: 'odd', version: '1' },
  paths,
  definitions,
});
const get = (operationId: string) => ({ get: { operationId, responses: answers } });

/** The error normalising `d` throws, asserted to be one CmlSpecError line. */
function refusal(d: Doc): string {
  try {
    normaliseSpec(d, 'odd.json');
  } catch (error) {
    expect(error).toBeInstanceOf(CmlSpecError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('the spec was accepted');
}

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('a spec path that would send the key elsewhere', () => {
  const hostile = [
    'https://evil.example/api/v2/things',
    '//evil.example/api/v2/things',
    'evil.example/api/v2/things',
    '@evil.example/api/v2/things',
    '/\\evil.example/api/v2/things',
    '/api/v2/../../things',
    '/api/v2/%2E%2e/things',
    '/api/v2/things?x=1',
    '/api/v2/things#x',
    '/api/v2//things',
    '/api/v2/things/x{id}',
  ];

  it.each(hostile)('is refused at normalisation, naming the path: %s', (path) => {
    expect(refusal(doc({ [path]: get('ListThings') }))).toContain(JSON.stringify(path));
  });

  it('is refused before any call: the workspace falls back, nothing is cached, the other host hears nothing', async () => {
    const elsewhere = await startRecordingServer();
    closers.push(elsewhere.close);
    const stolen = `${elsewhere.url}/steal`;
    const workspace = await startRecordingServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(doc({ [stolen]: get('ListThings') })));
    });
    closers.push(workspace.close);
    const cacheDir = mkdtempSync(join(tmpdir(), 'cmlsh-odd-'));
    const transport = createTransport({ baseUrl: workspace.url, token: 'secret-key' });
    const warnings: string[] = [];
    const spec = await loadSpec({
      host: workspace.url,
      cacheDir,
      fetchJson: (url) => transport.getJson(url),
      onWarning: (w) => warnings.push(w),
    });
    expect(spec.source).toBe('builtin');
    expect(warnings.join('\n')).toContain(`has the path "${stolen}", which is an absolute URL`);
    // A spec that fails to build is never cached.
    expect(existsSync(join(cacheDir, 'specs'))).toBe(false);
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('operationIds the api object cannot take as they are', () => {
  const reserved = ['__proto__', 'constructor', 'then', 'name', 'length', 'toString', 'toJSON'];
  const d = doc(Object.fromEntries(reserved.map((id, i) => [`/api/v2/things${i}`, get(id)])));

  it('get safe names, and every one answers from the emulator', async () => {
    const spec = normaliseSpec(d, 'odd.json');
    expect(spec.operations.map((op) => op.name)).toEqual(reserved.map((id) => `${id}Op`));
    expect(spec.operations.map((op) => op.operationId)).toEqual(reserved);
    const emulator = await startEmulator({ document: d, seed: 'none' });
    closers.push(() => emulator.close());
    const api = createApi({
      spec,
      transport: createTransport({ baseUrl: emulator.url, token: 'demo-token' }),
    });
    // `await api` must not call an operation named `then`; the object keeps its own prototype.
    expect(await Promise.resolve(api)).toBe(api);
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    for (const id of reserved) {
      const method = api[`${id}Op`];
      expect(typeof method, id).toBe('function');
      await expect(method?.()).resolves.toMatchObject({ id: expect.any(String) });
    }
  });

  it('refuses a duplicate operationId, naming both operations', () => {
    const message = refusal(doc({ '/api/v2/a': get('ListThings'), '/api/v2/b': get('ListThings') }));
    expect(message).toBe(
      'The spec from odd.json has the operationId ListThings twice: GET /api/v2/a and GET /api/v2/b',
    );
  });

  it('refuses two operationIds that make one method name, naming both', () => {
    const message = refusal(doc({ '/api/v2/a': get('ListThings'), '/api/v2/b': get('listThings') }));
    expect(message).toMatch(
      /ListThings \(GET \/api\/v2\/a\) and listThings \(GET \/api\/v2\/b\) .*listThings$/,
    );
  });
});

describe('deep and cyclic schemas', () => {
  it('refuses a 5000-deep schema in one line, in the client and the emulator', async () => {
    let deep: Doc = { type: 'string' };
    for (let i = 0; i < 5000; i++) deep = { type: 'object', properties: { a: deep } };
    const d = doc(
      { '/api/v2/things': get('ListThings') },
      { Thing: { type: 'object', properties: { deep } } },
    );
    expect(refusal(d)).toMatch(/nests deeper than 64 levels at \/definitions\/Thing\/properties\/deep/);
    await expect(startEmulator({ document: d })).rejects.toThrow(CmlSpecError);
  });

  it('serves and calls a spec whose definitions refer to themselves and to each other', async () => {
    const d = doc(
      {
        '/api/v2/things': {
          post: {
            operationId: 'CreateThing',
            parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Thing' } }],
            responses: answers,
          },
        },
        '/api/v2/things/{id}': {
          get: {
            operationId: 'GetThing',
            parameters: [{ name: 'id', in: 'path', type: 'string' }],
            responses: answers,
          },
        },
        '/api/v2/loops': get('GetLoop'),
      },
      {
        Thing: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            parent: { $ref: '#/definitions/Thing' },
            children: { type: 'array', items: { $ref: '#/definitions/Thing' } },
            loop: { $ref: '#/definitions/A' },
          },
        },
        A: { $ref: '#/definitions/B' },
        B: { $ref: '#/definitions/A' },
      },
    );
    const spec = normaliseSpec(d, 'odd.json');
    const emulator = await startEmulator({ document: d, seed: 'none' });
    closers.push(() => emulator.close());
    const api = createApi({
      spec,
      transport: createTransport({ baseUrl: emulator.url, token: 'demo-token' }),
    });
    const created = (await api.createThing?.({
      body: { parent: { parent: { id: 'root' } }, children: [] },
    })) as {
      id: string;
    };
    expect(created.id).toEqual(expect.any(String));
    await expect(api.getThing?.({ id: created.id })).resolves.toMatchObject({ id: created.id });
    await expect(api.getLoop?.()).resolves.toBeTypeOf('object');
    expect(String(api.createThing?.help())).toContain('createThing');
  });
});

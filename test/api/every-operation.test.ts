import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createApi } from '../../src/api/index.js';
import { createTransport } from '../../src/client/index.js';
import type { Operation, Param } from '../../src/spec/index.js';
import { realSpec } from '../helpers/real-spec.js';
import { startRecordingServer } from '../helpers/recording-server.js';

const TOKEN = 'test-token-0123456789';
let server: Awaited<ReturnType<typeof startRecordingServer>>;
let api: Api;

beforeAll(async () => {
  server = await startRecordingServer();
  api = createApi({ spec: realSpec(), transport: createTransport({ baseUrl: server.url, token: TOKEN }) });
});
afterAll(() => server.close());

/** A value of the parameter's type that exercises encoding (spaces, slashes, int64). */
function sampleValue(param: Param): { given: unknown; wire: unknown } {
  if (param.enum?.length) return { given: param.enum.at(-1), wire: param.enum.at(-1) };
  if (param.json)
    return { given: { name: 'a b', 'creator.username': 'x' }, wire: '{"name":"a b","creator.username":"x"}' };
  switch (param.type) {
    case 'integer':
      return { given: 7, wire: param.in === 'body' ? 7 : '7' };
    case 'number':
      return { given: 1.5, wire: param.in === 'body' ? 1.5 : '1.5' };
    case 'boolean':
      return { given: true, wire: param.in === 'body' ? true : 'true' };
    case 'array':
      return { given: param.in === 'body' ? [] : ['a', 'b'], wire: param.in === 'body' ? [] : ['a', 'b'] };
    case 'object':
      return { given: { k: 'v' }, wire: { k: 'v' } };
    case 'file':
      return { given: Buffer.from('file body'), wire: 'file body' };
    default:
      if (param.format === 'int64' && param.in === 'body')
        return { given: 9007199254740993n, wire: '9007199254740993' };
      return { given: `v ${param.wireName}/1`, wire: `v ${param.wireName}/1` };
  }
}

const operations = realSpec().operations;

describe('every operation of the real spec builds the right request', () => {
  it('has all 158 operations, under camelCase and snake_case names', () => {
    expect(operations).toHaveLength(158);
    for (const op of operations) {
      expect(api[op.name]).toBeTypeOf('function');
      expect(api[op.pythonName]).toBe(api[op.name]);
    }
  });

  it.each(operations.map((op, i) => [op.operationId, op, i] as const))(
    '%s',
    async (_id, op: Operation, i: number) => {
      const args: Record<string, unknown> = {};
      const path = new Map<string, string>();
      const query = new URLSearchParams();
      const body: Record<string, unknown> = {};
      // Alternate spellings so both are proven for every kind of parameter.
      const key = (p: Param) => (i % 2 === 0 ? p.name : p.pythonName);
      const plainNames = new Set(op.params.filter((p) => p.in !== 'body').map((p) => p.name));
      for (const param of op.params) {
        if (param.wireName === 'destination') continue;
        // A body field named like a path parameter (group_id) is given once, as the path
        // parameter; the client repeats it in the body, as CML's gateway expects.
        if (param.in === 'body' && plainNames.has(param.name)) {
          const fromPath = path.get(param.wireName);
          if (fromPath !== undefined) body[param.wireName] = fromPath;
          continue;
        }
        const { given, wire } = sampleValue(param);
        args[key(param)] = given;
        if (param.in === 'path') path.set(param.wireName, String(wire));
        if (param.in === 'query') for (const v of [wire].flat()) query.append(param.wireName, String(v));
        if (param.in === 'body') body[param.wireName] = wire;
      }
      if (op.multipart && op.params.some((p) => p.wireName === 'destination'))
        args.destination = 'dir/upload.txt';
      server.requests.length = 0;
      const result = await api[op.name]?.(args);
      expect(server.requests).toHaveLength(1);
      const seen = server.requests[0]!;
      const url = new URL(seen.url, server.url);

      expect(seen.method).toBe(op.method);
      const expectedPath = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
        encodeURIComponent(path.get(name) ?? ''),
      );
      expect(url.pathname).toBe(expectedPath);
      expect([...url.searchParams].sort()).toEqual([...query].sort());
      expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);

      if (op.multipart) {
        expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
        const text = seen.body.toString();
        expect(text).toContain('file body');
        if (args.destination) expect(text).toContain('name="dir/upload.txt"');
      } else if (op.body) {
        const sent = JSON.parse(seen.body.toString()) as Record<string, unknown>;
        for (const [name, value] of Object.entries(body)) expect(sent[name]).toEqual(value);
      } else {
        expect(seen.body.length).toBe(0);
      }
      if (op.list) expect((result as { items: unknown }).items).toEqual([]);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createApi, isPage, type Page } from '../../src/api/index.js';
import { createTransport } from '../../src/client/index.js';
import { realSpec } from '../helpers/real-spec.js';
import { startRecordingServer } from '../helpers/recording-server.js';

const TOTAL = 25;
let server: Awaited<ReturnType<typeof startRecordingServer>>;
let api: Api;

beforeAll(async () => {
  // Pages like CML: page_size, an opaque token, next_page_token empty on the last page.
  server = await startRecordingServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const size = Number(url.searchParams.get('page_size') ?? 10);
    const token = url.searchParams.get('page_token');
    const start = token ? Number(Buffer.from(token, 'base64').toString()) : 0;
    const end = Math.min(TOTAL, start + size);
    const projects = Array.from({ length: end - start }, (_, i) => ({
      id: `p${start + i}`,
      name: `project ${start + i}`,
    }));
    const next = end < TOTAL ? Buffer.from(String(end)).toString('base64') : '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ projects, next_page_token: next }));
  });
  api = createApi({ spec: realSpec(), transport: createTransport({ baseUrl: server.url, token: 't' }) });
});
afterAll(() => server.close());

describe('paged results', () => {
  it('a list call returns a page that knows how to go on', async () => {
    const page = (await api.listProjects?.({ pageSize: 10 })) as Page;
    expect(isPage(page)).toBe(true);
    expect(page.items.map((p) => (p as { id: string }).id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `p${i}`),
    );
    expect(JSON.parse(JSON.stringify(page))).toEqual({
      projects: page.projects,
      next_page_token: page.next_page_token,
    });
    const second = await page.nextPage();
    expect(second?.items[0]).toEqual({ id: 'p10', name: 'project 10' });
    const third = await second?.nextPage();
    expect(third?.hasNextPage).toBe(false);
    expect(await third?.nextPage()).toBeUndefined();
  });

  it('pages() walks every page lazily, repeating page_size with each token', async () => {
    server.requests.length = 0;
    const sizes: number[] = [];
    for await (const page of api.listProjects!.pages!({ page_size: 7 })) sizes.push(page.items.length);
    expect(sizes).toEqual([7, 7, 7, 4]);
    const queries = server.requests.map((r) => new URL(r.url, 'http://x').searchParams);
    expect(queries.every((q) => q.get('page_size') === '7')).toBe(true);
    expect(queries.map((q) => q.has('page_token'))).toEqual([false, true, true, true]);
  });

  it('all() yields every item exactly once, stops at limit without fetching more, and can be awaited', async () => {
    const ids: string[] = [];
    for await (const item of api.listProjects!.all!({ pageSize: 4 })) ids.push((item as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: TOTAL }, (_, i) => `p${i}`));
    server.requests.length = 0;
    const some = await api.list_projects!.all!({ pageSize: 4, limit: 6 });
    expect(some).toHaveLength(6);
    expect(server.requests).toHaveLength(2);
  });

  it('only list operations have pages() and all()', () => {
    expect(api.getProject?.pages).toBeUndefined();
    expect(api.listJobs?.pages).toBeTypeOf('function');
  });
});

describe('a page keeps the server’s own field names', () => {
  it('a response field named items or __proto__ is plain data, not a crash', async () => {
    const { Page } = await import('../../src/api/index.js');
    const info = {
      operation: realSpec().operations.find((o) => o.operationId === 'ListProjects')!,
      args: {},
      number: 1,
      fromToken: false,
      nextToken: undefined,
      fetchNext: async () => undefined as never,
    };
    const data = JSON.parse(
      '{"projects":[{"id":"a"}],"items":["x"],"__proto__":{"polluted":true},"next_page_token":""}',
    );
    const page = new Page(data, info);
    expect(page.items).toEqual(['x']);
    expect((page as unknown as { polluted?: boolean }).polluted).toBeUndefined();
    expect(isPage(page)).toBe(true);
    expect(page.hasNextPage).toBe(false);
    expect(JSON.parse(JSON.stringify(page)).projects).toEqual([{ id: 'a' }]);
  });
});

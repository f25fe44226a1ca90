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
    const { Page, PageTrail } = await import('../../src/api/index.js');
    const operation = realSpec().operations.find((o) => o.operationId === 'ListProjects')!;
    const info = {
      operation,
      args: {},
      number: 1,
      emptyRun: 0,
      trail: new PageTrail(operation),
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
  it('with readAhead, asks for the next page while the caller still works on this one', async () => {
    server.requests.length = 0;
    const reading = api.withOptions({ readAhead: true }).listProjects!.pages!({ page_size: 10 });
    const seen: number[] = [];
    for await (const page of reading) {
      // The caller is slow; the request for the page after this one is already out.
      await new Promise((resolve) => setTimeout(resolve, 30));
      seen.push(server.requests.length);
      expect(page.items.length).toBeGreaterThan(0);
    }
    // On page 1 the server had seen 2 requests, on page 2 all 3, and no fourth was made.
    expect(seen).toEqual([2, 3, 3]);
    const plain: number[] = [];
    server.requests.length = 0;
    for await (const _ of api.listProjects!.pages!({ page_size: 10 })) plain.push(server.requests.length);
    expect(plain).toEqual([1, 2, 3]);
  });

  it('with readAhead, a caller that stops early is never told of the page it did not ask for', async () => {
    const failing = await startRecordingServer((req, res) => {
      const token = new URL(req.url, 'http://x').searchParams.get('page_token');
      res.writeHead(token ? 404 : 200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(token ? { message: 'gone' } : { projects: [{ id: 'p0' }], next_page_token: 'x' }),
      );
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const reader = createApi({
        spec: realSpec(),
        transport: createTransport({ baseUrl: failing.url, token: 't' }),
      }).withOptions({ readAhead: true });
      for await (const page of reader.listProjects!.pages!()) {
        expect(page.items).toEqual([{ id: 'p0' }]);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(failing.requests).toHaveLength(2);
      expect(unhandled).toEqual([]);
      // Read on, the same failure is the caller's.
      const pages = reader.listProjects!.pages!();
      await pages.next();
      await expect(pages.next()).rejects.toThrow(/404|gone/);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await failing.close();
    }
  });
});

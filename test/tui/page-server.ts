import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Api, connect } from '../../src/api/index.js';
import { builtinSpec } from '../../src/spec/index.js';

/** A project as the test server sends it. */
export function project(i: number): Record<string, unknown> {
  return {
    id: `p${String(i).padStart(4, '0')}`,
    name: `project-${i}`,
    owner: { username: `user${i % 3}`, name: `User ${i % 3}` },
    creator: { username: `user${i % 3}` },
    description: i % 2 ? 'odd, "quoted"' : 'even\nline',
    created_at: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
  };
}

export interface PageServer {
  readonly api: Api;
  /** page_token of each GET /api/v2/projects, '' for the first page. */
  readonly requests: string[];
  /** Page numbers (1-based) that answer 400 the next time they are asked for. */
  readonly failOnce: Set<number>;
  /** Page numbers whose answer waits until `release()`. */
  readonly hold: Set<number>;
  release(): void;
  close(): Promise<void>;
}

/** A loopback server paging `total` projects `pageSize` at a time, and an api against it. */
export async function startPageServer(total: number, pageSize: number): Promise<PageServer> {
  const requests: string[] = [];
  const failOnce = new Set<number>();
  const hold = new Set<number>();
  let waiting: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/api/v2/projects')) {
      res.writeHead(404).end('{}');
      return;
    }
    const token = url.searchParams.get('page_token') ?? '';
    requests.push(token);
    const start = token ? Number(token) : 0;
    const page = start / pageSize + 1;
    const answer = () => {
      if (failOnce.delete(page)) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'boom', code: 3, message: `page ${page} is broken` }));
        return;
      }
      const end = Math.min(total, start + pageSize);
      const projects = [];
      for (let i = start; i < end; i++) projects.push(project(i));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ projects, next_page_token: end < total ? String(end) : '' }));
    };
    if (hold.has(page)) waiting.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const { api } = await connect({
    host: `http://127.0.0.1:${port}`,
    token: 't',
    loadedSpec: builtinSpec(),
    retry: { tries: 1 },
  });
  return {
    api,
    requests,
    failOnce,
    hold,
    release() {
      hold.clear();
      const pending = waiting;
      waiting = [];
      for (const answer of pending) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

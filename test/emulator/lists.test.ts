import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, DEMO_USERS, type Emulator } from '../../src/emulator/index.js';
import { call, startReal } from './emulator-harness.js';

const PROJECTS = 37;

interface Project {
  id: string;
  name: string;
  created_at: string;
  owner: { username: string };
}

describe('lists: paging, search_filter and sort', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startReal({ seedProjects: PROJECTS });
  });
  afterAll(() => emu.close());

  // Every project (the key's owner is a site admin), not only their own and shared ones.
  const projects = async (query: Record<string, string>) =>
    call(emu, 'GET', '/api/v2/projects', { query: { include_all_projects: 'true', ...query } });

  it('uses a server page size when none is given', async () => {
    const first = await projects({});
    expect(first.body.projects).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(first.body.next_page_token).not.toBe('');
  });

  it('returns every item exactly once across pages and ends with an empty token', async () => {
    const seen: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const page = await projects({ page_size: '8', ...(token ? { page_token: token } : {}) });
      expect(page.status).toBe(200);
      expect(page.body.projects.length).toBeLessThanOrEqual(8);
      seen.push(...page.body.projects.map((p: Project) => p.id));
      token = page.body.next_page_token;
      pages++;
    } while (token !== '');
    expect(pages).toBe(Math.ceil(PROJECTS / 8));
    expect(seen).toHaveLength(PROJECTS);
    expect(new Set(seen).size).toBe(PROJECTS);
  });

  it('keeps filter and sort across pages', async () => {
    const filter = JSON.stringify({ 'owner.username': DEMO_USERS[1]?.username });
    const first = await projects({ search_filter: filter, sort: '-name', page_size: '2' });
    const second = await projects({
      search_filter: filter,
      sort: '-name',
      page_size: '2',
      page_token: first.body.next_page_token,
    });
    const names = [...first.body.projects, ...second.body.projects].map((p: Project) => p.name);
    expect(names).toEqual([...names].sort().reverse());
    for (const p of [...first.body.projects, ...second.body.projects]) {
      expect(p.owner.username).toBe(DEMO_USERS[1]?.username);
    }
  });

  it('matches substrings case-sensitively on dotted keys', async () => {
    const lower = await projects({
      search_filter: JSON.stringify({ 'owner.name': 'Okafor' }),
      page_size: '100',
    });
    expect(lower.body.projects.length).toBeGreaterThan(0);
    expect(
      lower.body.projects.every((p: Project & { owner: { name: string } }) =>
        p.owner.name.includes('Okafor'),
      ),
    ).toBe(true);
    const wrongCase = await projects({ search_filter: JSON.stringify({ 'owner.name': 'okafor' }) });
    expect(wrongCase.body.projects).toEqual([]);
    expect(wrongCase.body.next_page_token).toBe('');
  });

  it('sorts ascending with + and by several keys', async () => {
    const sorted = await projects({ sort: '+created_at', page_size: '100' });
    const times = sorted.body.projects.map((p: Project) => p.created_at);
    expect(times).toEqual([...times].sort());
    const multi = await projects({ sort: 'owner.username,-name', page_size: '100' });
    const pairs = multi.body.projects.map((p: Project) => [p.owner.username, p.name] as const);
    for (let i = 1; i < pairs.length; i++) {
      const [u0, n0] = pairs[i - 1] as readonly [string, string];
      const [u1, n1] = pairs[i] as readonly [string, string];
      expect(u0 < u1 || (u0 === u1 && n0 >= n1)).toBe(true);
    }
  });

  it('supports operator values on lists that take them', async () => {
    const project = (await projects({ page_size: '1' })).body.projects[0] as Project;
    const job = await call(emu, 'POST', `/api/v2/projects/${project.id}/jobs`, {
      body: { name: 'op-test', script: 'a.py', runtime_identifier: 'docker.example/py:1', cpu: 3 },
    });
    expect(job.status).toBe(200);
    const jobs = (filter: object) =>
      call(emu, 'GET', `/api/v2/projects/${project.id}/jobs`, {
        query: { search_filter: JSON.stringify(filter) },
      });
    expect((await jobs({ name: 'eq:op-test' })).body.jobs.map((j: { id: string }) => j.id)).toEqual([
      job.body.id,
    ]);
    const runtimes = (filter: object) =>
      call(emu, 'GET', '/api/v2/runtimes', {
        query: { search_filter: JSON.stringify(filter), page_size: '100' },
      });
    const gpu = await runtimes({ edition: 'Nvidia GPU' });
    expect(gpu.body.runtimes.length).toBeGreaterThan(0);
    const all = await runtimes({});
    const after = await runtimes({ kernel: 'gt:Python 3.10' });
    expect(after.body.runtimes.length).toBeGreaterThan(0);
    expect(after.body.runtimes.length).toBeLessThan(all.body.runtimes.length);
    for (const r of after.body.runtimes) expect(r.kernel > 'Python 3.10').toBe(true);
    const missing = await runtimes({ description: 'isnull:true' });
    expect(missing.body.runtimes).toEqual([]);
  });

  it.each([
    ['search_filter not JSON', { search_filter: '{name:' }],
    ['search_filter not an object', { search_filter: '["name"]' }],
    ['search_filter key not admitted', { search_filter: '{"colour":"red"}' }],
    ['sort key not admitted', { sort: '-colour' }],
    ['sort malformed', { sort: 'name,,-' }],
    ['page_token garbage', { page_token: 'not-a-token!' }],
    ['page_size not a number', { page_size: 'ten' }],
  ])('answers 400 runtimeError for %s', async (_, query) => {
    const answer = await projects(query);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 3, details: [] });
    expect(typeof answer.body.message).toBe('string');
    expect(answer.body.error).toBe(answer.body.message);
  });

  it('refuses a token from another query', async () => {
    const first = await projects({ page_size: '2', sort: 'name' });
    const reused = await projects({ page_size: '2', sort: '-name', page_token: first.body.next_page_token });
    expect(reused.status).toBe(400);
  });
});

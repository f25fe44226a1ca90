import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cliFixture, collect, randomToken, runCmlsh, spawnCmlsh, startTestEmulator } from './run-cmlsh.js';

const TOKEN = randomToken('call');
const PROJECTS = 23;
const cli = cliFixture({ tokens: [TOKEN], seedProjects: PROJECTS, hostEnv: true });
const env = cli.env;

describe('cmlsh call: output formats', () => {
  it('prints a page as the server sent it in json (the default in a pipe)', async () => {
    const result = await runCmlsh(['call', 'listProjects', '--page-size', '5'], env());
    expect(result.code).toBe(0);
    const page = JSON.parse(result.stdout);
    expect(page.projects).toHaveLength(5);
    expect(typeof page.next_page_token).toBe('string');
  });

  it('prints one item per line in jsonl', async () => {
    const result = await runCmlsh(['call', 'list_projects', '--page-size', '4', '-o', 'jsonl'], env());
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('id');
  });

  it('prints yaml that parses back to the same page', async () => {
    const json = JSON.parse((await runCmlsh(['call', 'listProjects', '--page-size', '3'], env())).stdout);
    cli.home.cleanup();
    const result = await runCmlsh(['call', 'ListProjects', '--page-size', '3', '--output', 'yaml'], env());
    expect(result.code).toBe(0);
    expect(parseYaml(result.stdout)).toEqual(json);
  });

  it('prints a table with a header and one row per item', async () => {
    const result = await runCmlsh(['call', 'listProjects', '--page-size', '3', '-o', 'table'], env());
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+owner\s+created_at$/);
    expect(lines).toHaveLength(4);
  });

  it('prints csv with a header and quotes nested values', async () => {
    const result = await runCmlsh(['call', 'listProjects', '--page-size', '2', '-o', 'csv'], env());
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\r\n');
    expect(lines[0]?.split(',').slice(0, 2)).toEqual(['id', 'name']);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"{""username""');
  });

  it('reads one item by path parameter, spelt --project-id, --project_id or --projectId', async () => {
    const list = JSON.parse((await runCmlsh(['call', 'listProjects', '--page-size', '1'], env())).stdout);
    const id: string = list.projects[0].id;
    for (const flag of ['--project-id', '--project_id', '--projectId']) {
      cli.home.cleanup();
      const result = await runCmlsh(['call', 'getProject', flag, id], env());
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).id).toBe(id);
    }
  });

  it('passes search_filter as a JSON object', async () => {
    const all = JSON.parse((await runCmlsh(['call', 'listProjects', '--all'], env())).stdout) as {
      name: string;
    }[];
    const name = all[0]?.name ?? '';
    cli.home.cleanup();
    const result = await runCmlsh(
      ['call', 'listProjects', '--search-filter', JSON.stringify({ name }), '--all', '-o', 'jsonl'],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    const names = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).name as string);
    expect(names.length).toBeGreaterThan(0);
    for (const found of names) expect(found).toContain(name);
  });

  it('creates with --body JSON and with --body @file', async () => {
    const created = await runCmlsh(['call', 'createProject', '--body', '{"name":"from-cli"}'], env());
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout).name).toBe('from-cli');
    const file = join(cli.home.dir, 'body.json');
    writeFileSync(file, '{"name":"from-file"}');
    const fromFile = await runCmlsh(['call', 'createProject', '--body', `@${file}`], env());
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout).name).toBe('from-file');
  });
});

describe('cmlsh call --all', () => {
  it('streams every item across pages exactly once', async () => {
    const result = await runCmlsh(
      ['call', 'listProjects', '--all', '--page-size', '4', '-o', 'jsonl'],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    const ids = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).id as string);
    expect(ids.length).toBeGreaterThanOrEqual(PROJECTS);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prints a valid JSON array across pages, and --limit caps it', async () => {
    const all = await runCmlsh(['call', 'listProjects', '--all', '--page-size', '5'], env());
    expect(all.code).toBe(0);
    const items = JSON.parse(all.stdout) as unknown[];
    expect(items.length).toBeGreaterThanOrEqual(PROJECTS);
    cli.home.cleanup();
    const limited = await runCmlsh(
      ['call', 'listProjects', '--all', '--limit', '7', '--page-size', '3'],
      env(),
    );
    expect(JSON.parse(limited.stdout)).toEqual(items.slice(0, 7));
  });

  it('stops on Ctrl+C with exit 130, leaving only whole lines', async () => {
    const slow = await startTestEmulator({ tokens: [TOKEN], seedProjects: 200, latencyMs: 150 });
    try {
      const child = spawnCmlsh(
        ['call', 'listProjects', '--all', '--page-size', '2', '-o', 'jsonl'],
        env({ CML_HOST: slow.url }),
      );
      const done = collect(child);
      await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
      child.kill('SIGINT');
      const result = await done;
      expect(result.code).toBe(130);
      const lines = result.stdout.split('\n');
      expect(lines.pop()).toBe('');
      for (const line of lines) expect(JSON.parse(line)).toHaveProperty('id');
      expect(lines.length).toBeLessThan(200);
    } finally {
      await slow.close();
    }
  });
});

describe('cmlsh call: errors and exit codes', () => {
  it('unknown operation: exit 2 with a did-you-mean, nothing on stdout', async () => {
    const result = await runCmlsh(['call', 'listProjcts'], env());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Did you mean listProjects');
  });

  it('unknown parameter: exit 2 naming the flags there are', async () => {
    const result = await runCmlsh(['call', 'listProjects', '--pagesize', '3'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^listProjects has no flag --pagesize\. Did you mean --page-size\?.*Flags: .*--page-size/,
    );
  });

  it('bad JSON in --body: exit 2', async () => {
    const result = await runCmlsh(['call', 'createProject', '--body', '{"name":'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--body is not valid JSON');
    expect(result.stdout).toBe('');
  });

  it('a mistyped value: exit 2 saying what would be right', async () => {
    const result = await runCmlsh(['call', 'listProjects', '--page-size', 'many'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '--page-size takes a whole number (1 or more), e.g. --page-size 50, not "many". See cmlsh --help\n',
    );
    const param = await runCmlsh(['call', 'listProjects', '--include-public-projects', 'maybe'], env());
    expect(param.code).toBe(2);
    expect(param.stderr).toBe('listProjects: --include-public-projects must be true or false, not "maybe"\n');
  });

  it('a host that does not answer: exit 1 with one line naming the host', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runCmlsh(['call', 'listProjects'], env({ CML_HOST: `http://127.0.0.1:${port}` }));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `Network error: connection refused — GET http://127.0.0.1:${port}/api/v2/swagger.json. Check --host: nothing listens there\n`,
    );
  });

  it('API 404: exit 1, one line on stderr, nothing on stdout', async () => {
    const result = await runCmlsh(['call', 'getProject', '--project-id', 'no-such-project'], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('404');
  });

  it('API 404 with --output json: the error as one JSON line', async () => {
    const result = await runCmlsh(['call', 'getProject', '--project-id', 'nope', '-o', 'json'], env());
    expect(result.code).toBe(1);
    const { error } = JSON.parse(result.stderr);
    expect(error).toMatchObject({ name: 'CmlApiError', status: 404, code: 5 });
  });

  it('a wrong key: exit 1 with the hint to log in', async () => {
    const result = await runCmlsh(['call', 'listProjects'], env({ CML_API_KEY: 'wrong-key-0123456789' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('401');
    expect(result.stderr).toContain('cmlsh login');
  });

  it('--all on an operation that does not page: exit 2', async () => {
    const result = await runCmlsh(['call', 'validateAPIKey', '--audience', 'API', '--all'], env());
    expect(result.code).toBe(2);
  });
});

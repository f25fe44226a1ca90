import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { enter, MARK, outputOf, PROMPT } from './shell-io.js';

// Following the data in a real terminal: ids with names on Tab, ids fetched in the
// background when none were seen, and `.code` for the call behind a result.
const TOKEN = 'explore-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'cmlsh-explore-'));
let term: TmuxSession;

/** A demo emulator id: four groups of four. */
const ID = /[a-z0-9]{4}(?:-[a-z0-9]{4}){3}/;

/**
 * The completion list readline printed for `line`: the `id  name` rows between the prompt
 * showing `line` and the prompt it redrew below them.
 */
function completionRows(screen: string, line: string): [string, string][] {
  const redrawn = screen.lastIndexOf(`${PROMPT}${line}`);
  const before = screen.slice(0, redrawn);
  const block = before.slice(before.lastIndexOf(MARK));
  if (redrawn < 0 || !block.startsWith(`${PROMPT}${line}\n`)) return [];
  return block
    .split('\n')
    .slice(1)
    .map((row) => row.trim().split(/\s{2,}/))
    .filter((cells): cells is [string, string] => cells.length === 2 && ID.test(cells[0] ?? ''));
}

/** Table rows under a printed page: [id, name] of each. */
function tableRows(out: string): [string, string][] {
  return out
    .split('\n')
    .slice(1)
    .map((row) => row.split(/\s{2,}/))
    .filter((cells): cells is [string, string, ...string[]] => ID.test(cells[0] ?? ''))
    .map(([id, name]) => [id, name]);
}

beforeAll(async () => {
  term = TmuxSession.start('npx tsx test/repl/fixtures/start-shell.ts', {
    cwd: process.cwd(),
    width: 160,
    height: 50,
    env: { FIXTURE_HISTORY: join(dir, 'history'), FIXTURE_TOKEN: TOKEN },
  });
  // The user line comes after the prompt, above it: wait for it so it is no command's output.
  await term.waitFor(/user [a-z]+\.[a-z]+\n\ncml:emu>$/, 30_000);
}, 40_000);

afterAll(() => term?.kill());

describe('following the data in a real terminal', () => {
  it('says how to start when .code has no call yet', async () => {
    expect(outputOf(await enter(term, '.code'), '.code')).toBe(
      'No call yet: make one, e.g. await api.listProjects()',
    );
  });

  it('fetches project ids in the background on a first Tab, and offers them on a later one', async () => {
    const line = "await api.getProject({projectId: '";
    term.type(line);
    term.press('Tab');
    // Each poll is one more Tab, as a person would press it; the key press never waits.
    let rows: [string, string][] = [];
    await term.waitFor((screen) => {
      rows = completionRows(screen, line);
      if (rows.length < 2) term.press('Tab');
      return rows.length >= 2;
    });
    term.press('C-u');
    // Completion's own call is not the person's: .code has still nothing to show.
    expect(outputOf(await enter(term, '.code'), '.code')).toMatch(/^No call yet/);
    // The ids offered are the workspace's projects, with their names.
    const page = tableRows(
      outputOf(await enter(term, 'await api.listProjects()'), 'await api.listProjects()'),
    );
    expect(page.length).toBeGreaterThan(2);
    for (const row of rows) expect(page).toContainEqual(row);
  });

  it('shows each seen id with its project name beside it', async () => {
    const list = 'await api.listProjects({pageSize: 3, sort: "-name"})';
    const page = tableRows(outputOf(await enter(term, list), list));
    expect(page).toHaveLength(3);
    const line = "await api.getProject({projectId: '";
    term.type(line);
    term.press('Tab');
    term.press('Tab');
    const screen = await term.waitFor((s) => completionRows(s, line).length >= 3);
    const rows = completionRows(screen, line);
    // The page just listed leads (newest first), each id with its own name.
    const byId = (a: [string, string], b: [string, string]) => a[0].localeCompare(b[0]);
    expect(rows.slice(0, 3).sort(byId)).toEqual([...page].sort(byId));
    // Only the id is typed in when one is picked: Tab after its first characters completes it alone.
    const [id] = page[0] ?? [''];
    term.type(id.slice(0, 9));
    term.press('Tab');
    await term.waitFor((s) => s.trimEnd().endsWith(`${PROMPT}${line}${id}`));
    term.press('C-u');
  });

  it('.code prints the last list call as JavaScript, curl and Python, without the token', async () => {
    const projectId = tableRows(outputOf(term.screen(), 'await api.listProjects()'))[0]?.[0] ?? '';
    const list = `await api.listJobs({projectId: '${projectId}'})`;
    await enter(term, list);
    const out = outputOf(await enter(term, '.code'), '.code');
    expect(out).toContain(`for await (const item of api.listJobs.all({ projectId: "${projectId}" })) {`);
    expect(out).toContain('-H "Authorization: Bearer $API_KEY"');
    expect(out).toContain(`/api/v2/projects/${projectId}/jobs`);
    expect(out).toContain('while :; do');
    expect(out).toContain('import cmlapi');
    expect(out).toContain(`page = api.list_jobs(project_id="${projectId}", page_token=token)`);
    expect(out).not.toContain(TOKEN);
  });

  it('.code curl runs as is in bash and lists the same jobs', async () => {
    const projectId = tableRows(outputOf(term.screen(), 'await api.listProjects()'))[0]?.[0] ?? '';
    const list = `await api.listJobs({projectId: '${projectId}'})`;
    const jobs = tableRows(outputOf(term.screen(), list)).map(([id]) => id);
    expect(jobs.length).toBeGreaterThan(0);
    const curl = outputOf(await enter(term, '.code curl'), '.code curl');
    expect(curl.startsWith('# every page')).toBe(true);
    const { stdout } = await promisify(execFile)('bash', ['-c', curl], {
      env: { ...process.env, API_KEY: TOKEN },
      timeout: 15_000,
    });
    const ids = stdout
      .trim()
      .split('\n')
      .map((row) => (JSON.parse(row) as { id: string }).id);
    expect(ids).toEqual(jobs);
  });

  it('.code python prints only the Python', async () => {
    const out = outputOf(await enter(term, '.code python'), '.code python');
    expect(out.split('\n')[0]).toBe('import os');
    expect(out).not.toContain('curl');
  });
});

import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { count, enter, MARK, outputOf, PROMPT } from './shell-io.js';

// One real terminal, one shell over a demo emulator, driven key by key like a person would.
const TOKEN = 'e2e-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'cmlsh-e2e-'));
const historyFile = join(dir, 'state', 'history');
const pidFile = join(dir, 'pid');
let term: TmuxSession;

beforeAll(async () => {
  term = TmuxSession.start('npx tsx test/repl/fixtures/start-shell.ts', {
    cwd: process.cwd(),
    env: { FIXTURE_HISTORY: historyFile, FIXTURE_TOKEN: TOKEN, FIXTURE_PID_FILE: pidFile },
  });
  await term.waitFor(MARK, 30_000);
}, 40_000);

afterAll(() => term?.kill());

describe('cmlsh in a real terminal', () => {
  it('starts with a banner naming host, spec and help, then the prompt; the user follows above it', async () => {
    // The prompt does not wait for the workspace to say whose key it is: poll for that line
    // and the prompt drawn again below it (two writes, which tmux may show one at a time).
    const screen = await term.waitFor(/user [a-z]+\.[a-z]+\n\ncml:emu>$/);
    expect(screen).toMatch(/cmlsh — CML API v2 at http:\/\/127\.0\.0\.1:\d+/);
    expect(screen).toContain('spec 26.06.13 from swagger.json · 158 operations');
    expect(screen).toContain('.help <operation>');
    // Written above the prompt: the banner, the user, a blank line, then the prompt once.
    expect(screen).toMatch(/\.exit leaves\.\n {2}user [a-z]+\.[a-z]+\n\ncml:emu>$/);
    expect(count(screen, MARK)).toBe(1);
  });

  it('keeps what is being typed when the user line arrives', async () => {
    // The line arrived already; what matters here is that typing after it is undisturbed.
    term.type('6 *');
    await term.waitFor((s) => s.trimEnd().endsWith(`${PROMPT}6 *`));
    expect(outputOf(await enter(term, ' 7'), '6 * 7')).toBe('42');
  });

  it('completes api.listPro with Tab, and lists the choices on a second Tab', async () => {
    term.type('api.listPro');
    term.press('Tab');
    await term.waitFor(`${PROMPT}api.listProject`);
    term.press('Tab');
    const screen = await term.waitFor('listProjectCollaborators');
    expect(screen).toMatch(/listProjectCollaborators\s+listProjectFiles\s+listProjectNames\s+listProjects/);
    term.press('C-u');
  });

  it('offers the arguments of api.listJobs inside the call', async () => {
    term.type('await api.listJobs({');
    term.press('Tab');
    term.press('Tab');
    const screen = await term.waitFor('searchFilter');
    expect(screen).toMatch(/projectId\s+searchFilter\s+sort\s+pageSize\s+pageToken/);
    term.press('C-u');
  });

  it('says once that ids are being fetched when Tab has none yet, and keeps the line', async () => {
    const line = "api.getProject({projectId: '";
    term.type(line);
    term.press('Tab');
    let screen = await term.waitFor('(fetching ids…)');
    expect(screen.trimEnd().endsWith(`${PROMPT}${line}`)).toBe(true);
    // Tab Tab, as a person would, until the ids the background call brought are listed
    // (on a busy machine the call may still be on its way at the first try).
    const listed = (s: string) =>
      /[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/.test(s.split('(fetching ids…)')[1] ?? '');
    for (let attempt = 0; attempt < 20 && !listed(term.screen()); attempt++) {
      term.press('Tab');
      term.press('Tab');
      await term.waitFor(listed, 1000).catch(() => undefined);
    }
    screen = await term.waitFor(listed);
    expect(count(screen, '(fetching ids…)')).toBe(1);
    term.press('C-u');
  });

  it('prints a page as a table and `it` fetches the next one', async () => {
    let screen = await enter(term, 'await api.listProjects({pageSize: 3})');
    const first = outputOf(screen, 'await api.listProjects({pageSize: 3})').split('\n');
    expect(first[0]).toMatch(/^id\s+name\s+owner/);
    expect(first).toHaveLength(5);
    expect(first[4]).toBe('3 projects on page 1 · more: type it');
    screen = await enter(term, 'it');
    const second = outputOf(screen, 'it').split('\n');
    expect(second[4]).toBe('3 projects on page 2 · more: type it');
    expect(second[1]).not.toBe(first[1]);
  });

  it('awaits an api call typed without await, as mongosh does', async () => {
    let line = 'api.listProjects({pageSize: 2})';
    let out = outputOf(await enter(term, line), line).split('\n');
    expect(out[0]).toMatch(/^id\s+name\s+owner/);
    expect(out[3]).toBe('2 projects on page 1 · more: type it');
    expect(out.join('\n')).not.toContain('Promise');
    out = outputOf(await enter(term, 'it'), 'it').split('\n');
    expect(out[3]).toBe('2 projects on page 2 · more: type it');
    line = "api.getProject({projectId: 'no-such-id'})";
    out = outputOf(await enter(term, line), line).split('\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^HTTP 404 /);
    // An assignment keeps its promise, to await later.
    await enter(term, 'const p = api.listProjects({pageSize: 1})');
    expect(outputOf(await enter(term, 'typeof p.then'), 'typeof p.then')).toBe("'function'");
    expect(outputOf(await enter(term, '(await p).items.length'), '(await p).items.length')).toBe('1');
  });

  it('completes ids the session has seen', async () => {
    const screen = term.screen();
    const firstId =
      outputOf(screen, 'await api.listProjects({pageSize: 3})').split('\n')[1]?.split(/\s+/)[0] ?? '';
    expect(firstId).not.toBe('');
    term.type("api.getProject({projectId: '");
    term.press('Tab');
    term.press('Tab');
    await term.waitFor((s) => count(s, firstId) >= 2);
    term.press('C-u');
  });

  it('prints an API error as one line with the status and no stack', async () => {
    const line = "await api.getProject({projectId: 'no-such-id'})";
    const out = outputOf(await enter(term, line), line);
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(/^HTTP 404 .*getProject/);
    expect(out).not.toContain('Uncaught');
    expect(out).not.toMatch(/\bat /);
  });

  it('lists operations with .ops and explains one with .help', async () => {
    let out = outputOf(await enter(term, '.ops collaborator'), '.ops collaborator');
    expect(out).toMatch(
      /listProjectCollaborators\s+GET\s+\/api\/v2\/projects\/\{project_id\}\/collaborators/,
    );
    out = outputOf(await enter(term, '.help getProject'), '.help getProject');
    expect(out).toContain('GET /api/v2/projects/{project_id}');
  });

  it('does not print the token', async () => {
    const line = `'${TOKEN}'`;
    const out = outputOf(await enter(term, line), line);
    expect(out).toContain('****cdef');
    expect(out).not.toContain(TOKEN);
  });

  it('hands the terminal to browse() and takes it back with history and completion working', async () => {
    term.type('browse(api.listProjects({pageSize: 5}))');
    term.press('Enter');
    // ink may clear the scrollback when its frame is taller than the screen, so no prompt counting here.
    await term.waitFor('q quit');
    term.press('q');
    await term.waitFor((s) => s.trimEnd().endsWith(MARK));
    term.press('Up');
    await term.waitFor((s) => s.trimEnd().endsWith(`${PROMPT}browse(api.listProjects({pageSize: 5}))`));
    term.press('C-u');
    term.type('api.getProj');
    term.press('Tab');
    await term.waitFor((s) => s.trimEnd().endsWith(`${PROMPT}api.getProject`));
    term.press('C-u');
    // Keys typed after the browser closed reach the prompt once, not replayed twice.
    const out = outputOf(await enter(term, '6 * 7'), '6 * 7');
    expect(out).toBe('42');
  });

  it('cancels a slow call on Ctrl+C and returns to the prompt', async () => {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGUSR2');
    const before = count(term.screen(), MARK);
    term.type('await api.listProjects()');
    term.press('Enter');
    // The call is pending: the line is echoed and no new prompt follows.
    await term.waitFor((s) => s.trimEnd().endsWith(`${PROMPT}await api.listProjects()`));
    term.press('C-c');
    const screen = await term.waitFor((s) => count(s, MARK) > before && s.trimEnd().endsWith(MARK));
    expect(outputOf(screen, 'await api.listProjects()')).toBe('Cancelled');
    // The same without await: the call is waited for, so Ctrl+C cancels it too.
    const again = count(term.screen(), MARK);
    term.type('api.listProjects()');
    term.press('Enter');
    await term.waitFor((s) => s.trimEnd().endsWith(`${PROMPT}api.listProjects()`));
    term.press('C-c');
    const after = await term.waitFor((s) => count(s, MARK) > again && s.trimEnd().endsWith(MARK));
    expect(outputOf(after, 'api.listProjects()')).toBe('Cancelled');
  });

  it('exits on .exit and keeps a private history without the token', async () => {
    term.type('.exit');
    term.press('Enter');
    await term.waitFor('shell closed');
    await term.waitForExit();
    expect(statSync(historyFile).mode & 0o777).toBe(0o600);
    const history = readFileSync(historyFile, 'utf8');
    expect(history).toContain('await api.listProjects({pageSize: 3})');
    expect(history).not.toContain(TOKEN);
  });
});

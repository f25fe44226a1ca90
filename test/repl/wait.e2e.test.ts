import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMLSH } from '../cli/run-cmlsh.js';
import { removeTree } from '../helpers/remove-tree.js';
import { TmuxSession } from '../helpers/tmux.js';
import { count } from './shell-io.js';

// `cmlsh --demo` (the built executable) in a real terminal, waiting on job runs as a person would.
const PROMPT = 'cml:demo> ';
const MARK = 'cml:demo>';
const PROGRESS = /^JobRun \S+ {2}ENGINE_[A-Z]+ {2}\d+s$/m;
const home = mkdtempSync(join(tmpdir(), 'cmlsh-wait-'));
let term: TmuxSession;

async function enter(line: string): Promise<string> {
  const before = count(term.screen(), MARK);
  term.type(line);
  term.press('Enter');
  return term.waitFor((screen) => count(screen, MARK) > before && screen.trimEnd().endsWith(MARK), 30_000);
}

beforeAll(async () => {
  term = TmuxSession.start(`${process.execPath} ${CMLSH} --demo`, {
    width: 100,
    height: 30,
    env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') },
  });
  await term.waitFor(MARK, 30_000);
  await enter(
    'p = (await api.listProjects()).items[0]; j = (await api.listJobs({ projectId: p.id })).items[0]; 1',
  );
}, 60_000);

afterAll(() => {
  term?.kill();
  removeTree(home);
});

describe('api.wait in the shell', () => {
  it('shows one live line (state, elapsed) while waiting, then only the final run', async () => {
    term.type('api.wait(api.createJobRun({ projectId: p.id, jobId: j.id }))');
    term.press('Enter');
    // The line sits where the cursor is, alone, and is rewritten in place as the run moves.
    const during = await term.waitFor((screen) => PROGRESS.test(screen) && PROGRESS.test(term.cursorLine()));
    expect(
      count(during, 'ENGINE_SCHEDULING') + count(during, 'ENGINE_STARTING') + count(during, 'ENGINE_RUNNING'),
    ).toBe(1);
    const after = await term.waitFor(
      (screen) => screen.includes("status: 'ENGINE_SUCCEEDED'") && screen.trimEnd().endsWith(MARK),
      30_000,
    );
    const output = after.slice(after.lastIndexOf(`${PROMPT}api.wait(`));
    expect(output).not.toMatch(PROGRESS);
    expect(output).toContain('finished_at');
  }, 40_000);

  it('Ctrl+C stops waiting, not the run: one line says where it was, and a second wait sees it finish', async () => {
    await enter('r = await api.createJobRun({ projectId: p.id, jobId: j.id }); r.id');
    term.type('await api.wait(r)');
    term.press('Enter');
    await term.waitFor(() => PROGRESS.test(term.cursorLine()));
    term.press('C-c');
    const screen = await term.waitFor(/\(stopped waiting; it goes on\)/);
    expect(screen).toContain('Cancelled');
    expect(screen).toMatch(/JobRun \S+ {2}ENGINE_[A-Z]+ {2}\d+s {2}\(stopped waiting; it goes on\)/);
    await term.waitFor((s) => s.trimEnd().endsWith(MARK));
    const again = await enter('(await api.wait(r)).status');
    expect(again.slice(again.lastIndexOf(`${PROMPT}(await api.wait(r))`))).toContain("'ENGINE_SUCCEEDED'");
  }, 40_000);
});

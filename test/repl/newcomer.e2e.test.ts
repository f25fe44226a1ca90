import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMLSH } from '../cli/run-cmlsh.js';
import { removeTree } from '../helpers/remove-tree.js';
import { TmuxSession } from '../helpers/tmux.js';
import { count } from './shell-io.js';

// A newcomer's first minutes: `cmlsh --demo` (the built executable) in an 80×24 terminal,
// typing the guide's lines as they stand.
const PROMPT = 'cml:demo> ';
const MARK = 'cml:demo>';
const home = mkdtempSync(join(tmpdir(), 'cmlsh-newcomer-'));
let term: TmuxSession;

/** Types a line, waits for the next prompt, and returns what the line printed. */
async function enter(line: string): Promise<string> {
  const before = count(term.screen(), MARK);
  term.type(line);
  term.press('Enter');
  const screen = await term.waitFor((s) => count(s, MARK) > before && s.trimEnd().endsWith(MARK), 30_000);
  const rest = screen.slice(screen.lastIndexOf(`${PROMPT}${line.slice(0, 40)}`));
  return rest.slice(rest.indexOf('\n') + 1, rest.lastIndexOf(MARK)).trim();
}

beforeAll(async () => {
  term = TmuxSession.start(`${process.execPath} ${CMLSH} --demo`, {
    width: 80,
    height: 24,
    env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') },
  });
  await term.waitFor(MARK, 30_000);
}, 40_000);

afterAll(() => {
  term?.kill();
  removeTree(home);
});

describe('the guide at 80 columns', () => {
  it('.ops job shows every name and whole path, even at 80 columns', async () => {
    const out = await enter('.ops job');
    expect(out).toContain('10 of 49 operations');
    expect(out).toContain('/api/v2/projects/{project_id}/jobs/{job_id}/runs/{run_id}:stop');
    expect(out).toContain('stopJobRun');
  }, 40_000);

  it('browse() with nothing says what it takes, and the prompt comes back', async () => {
    const out = await enter('browse()');
    expect(out).toBe(
      'browse() needs something to show: a call, a page or a value, e.g. browse(api.listProjects()) or browse(_)',
    );
  }, 40_000);
});

describe('cmlsh ops at 80 columns', () => {
  it('lists what .ops lists: each name, then its whole path on a line of its own, nothing wrapped', async () => {
    const ops = TmuxSession.start(`${process.execPath} ${CMLSH} ops job; echo done-$?`, {
      width: 80,
      height: 24,
      env: { HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_CONFIG_HOME: join(home, 'config') },
    });
    try {
      const screen = await ops.waitFor('done-0', 30_000);
      expect(screen).toMatch(/^stopJobRun {4}POST$/m);
      expect(screen).toMatch(
        /^ {4}\/api\/v2\/projects\/\{project_id\}\/jobs\/\{job_id\}\/runs\/\{run_id\}:stop {2}Stop/m,
      );
    } finally {
      ops.kill();
    }
  }, 40_000);
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { CMLSH, randomToken, startTestEmulator, type TempHome, tempHome } from './run-cmlsh.js';

const TOKEN = randomToken('browse');
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let home: TempHome;
let session: TmuxSession | undefined;

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: [TOKEN], seedProjects: 30 });
});
afterAll(() => emulator.close());
afterEach(() => {
  session?.kill();
  session = undefined;
  expect(home.filesContaining(TOKEN)).toEqual([]);
  home.cleanup();
});

function start(args: string): TmuxSession {
  home = tempHome();
  const env = home.env({ CML_HOST: emulator.url, CML_API_KEY: TOKEN });
  const vars = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  session = TmuxSession.start(`node ${CMLSH} browse ${args}; echo "exit=$?"`, {
    env: vars,
    width: 140,
    height: 30,
  });
  return session;
}

describe('cmlsh browse in a real terminal', () => {
  it('pages lazily, drills into a project’s jobs, comes back and prints the picked row', async () => {
    const term = start('listProjects --page-size 10');
    const first = await term.waitFor(/listProjects.*page 1/);
    const firstRow = first.split('\n').find((line) => /^\W*[a-z0-9]{4}-[a-z0-9]{4}-/.test(line.trim()));
    expect(firstRow).toBeDefined();
    term.press('n');
    await term.waitFor(/page 2/);
    term.press('p');
    await term.waitFor(/page 1/);
    term.press('g');
    await term.waitFor(/Related/);
    term.press('Enter');
    await term.waitFor(/› applications/);
    for (const crumb of [/› detail/, /^listProjects · page 1/m]) {
      term.press('Escape');
      await term.waitFor(crumb);
    }
    term.press('Enter');
    await term.waitFor(/id: "[a-z0-9-]+"/);
    term.press('q');
    const done = await term.waitFor(/exit=0/);
    expect(done).toMatch(/"id": "[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}"/);
  });

  it('an unknown operation is one line and exit 2, before any screen is drawn', async () => {
    const term = start('listProjets');
    const done = await term.waitFor(/exit=2/);
    expect(done).toContain('No operation "listProjets". Did you mean listProjects');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OperationIndex } from '../../src/api/index.js';
import { builtinSpec } from '../../src/spec/index.js';
import { CMLSH, randomToken, startTestEmulator, type TempHome, tempHome } from '../cli/run-cmlsh.js';
import { TmuxSession } from '../helpers/tmux.js';

const TOKEN = randomToken('widths');
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let home: TempHome | undefined;
const sessions: TmuxSession[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: [TOKEN], seedProjects: 8 });
});
afterAll(() => emulator.close());
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill();
  home?.cleanup();
});

function start(args: string, width: number, height: number): TmuxSession {
  home ??= tempHome();
  const all = home.env({ CML_HOST: emulator.url, CML_API_KEY: TOKEN, NO_COLOR: '1' });
  const env = Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const session = TmuxSession.start(`node ${CMLSH} ${args}`, { env, width, height, cwd: home.dir });
  sessions.push(session);
  return session;
}

const IDS = /\b[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\b|\bp[-_]?[a-z0-9]{4,}\b/g;

/** The shell's table for `listProjects` at a terminal size: header titles, lines, and the ids on them. */
async function shellTable(width: number, height: number) {
  const term = start('', width, height);
  await term.waitFor(/> ?$/m);
  term.type('await api.listProjects({ pageSize: 5 })');
  term.press('Enter');
  const screen = await term.waitFor(/5 projects on page 1/);
  const lines = screen.split('\n');
  const header = lines.findLastIndex((line) => /^id\s/.test(line));
  const table = lines.slice(header, header + 6);
  const note = lines.slice(header + 6).find((line) => line.includes('hidden'));
  return { titles: table[0]?.trim().split(/\s+/) ?? [], table, note };
}

/** The browser's column header and rows for the same listing. */
async function browserTable(width: number, height: number) {
  const term = start('browse listProjects --page-size 5', width, height);
  const screen = await term.waitFor(/listProjects · page 1/);
  const lines = screen.split('\n');
  const header = lines[1] ?? '';
  return {
    titles: header
      .replace(/\s+\+\d+ hidden \(c\)$/, '')
      .trim()
      .split(/\s+/),
    table: lines.slice(1, 7),
  };
}

describe('the same listing at 80x24 and at 160x45', () => {
  it('the shell and the browser show the same columns at each size; ids are whole at 80', async () => {
    const wide = await shellTable(160, 45);
    const narrow = await shellTable(80, 24);
    const browserWide = await browserTable(160, 45);
    const browserNarrow = await browserTable(80, 24);
    expect(browserWide.titles).toEqual(wide.titles);
    expect(browserNarrow.titles).toEqual(narrow.titles);
    // At 80 columns, what is left out is the end of the wide table's columns, and said so.
    expect(wide.titles.slice(0, narrow.titles.length)).toEqual(narrow.titles);
    if (narrow.titles.length < wide.titles.length) expect(narrow.note).toContain('hidden');
    for (const line of narrow.table) expect(line.length).toBeLessThanOrEqual(80);
    // Every id the wide table shows is on the narrow one whole, in the shell and the browser.
    const ids = wide.table.join('\n').match(IDS) ?? [];
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (const id of ids) {
      expect(narrow.table.join('\n')).toContain(id);
      expect(browserNarrow.table.join('\n')).toContain(id);
    }
  });
});

describe('.ops at 80 columns', () => {
  it('never cuts a name or a path in the middle', async () => {
    const term = start('', 80, 24);
    await term.waitFor(/> ?$/m);
    term.type('.ops job run');
    term.press('Enter');
    const screen = await term.waitFor(/\d+ of \d+ operations/);
    const ops = new OperationIndex(builtinSpec().operations).search('job run');
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) {
      expect(screen).toContain(op.name);
      // On one line of the screen, whole.
      expect(screen.split('\n').some((line) => line.includes(op.path))).toBe(true);
    }
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

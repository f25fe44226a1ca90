import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { builtinSwagger } from '../../src/spec/index.js';
import { type Responder, startRecordingServer } from '../helpers/recording-server.js';
import { removeTree } from '../helpers/remove-tree.js';
import { TmuxSession } from '../helpers/tmux.js';

// The prompt comes before the workspace says whose key it is, and keys typed the instant
// it appears (or before) are read only once history is set up: `.exit` and Ctrl+D there
// end the process. The fixture ends as cmlsh does, without process.exit, so a handle left
// open would show as a pane that never dies.
const TOKEN = 'prompt-first-token-0123456789';
const PROMPT = 'cml:at> ';
const MARK = 'cml:at>';
const USER = /user [a-z]+\.[a-z]+/;
const dir = mkdtempSync(join(tmpdir(), 'cmlsh-prompt-first-'));
let emulator: Emulator;
let term: TmuxSession | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ document: builtinSwagger(), port: 0, tokens: [TOKEN], seed: 'demo' });
});
afterAll(async () => {
  await emulator.close();
  removeTree(dir);
});
afterEach(() => {
  term?.kill();
  term = undefined;
  emulator.configure({ latencyMs: 0 });
});

function startShell(token = TOKEN, host = emulator.url): TmuxSession {
  term = TmuxSession.start('npx tsx test/repl/fixtures/shell-at.ts', {
    cwd: process.cwd(),
    env: { FIXTURE_HOST: host, FIXTURE_TOKEN: token, FIXTURE_HISTORY: join(dir, 'history') },
  });
  return term;
}

/** Passes every request on to the emulator as it came, and its answer back. */
const toEmulator: Responder = async (request, res) => {
  const answer = await fetch(`${emulator.url}${request.url}`, {
    method: request.method,
    headers: { authorization: String(request.headers.authorization), 'content-type': 'application/json' },
    ...(request.body.length ? { body: request.body.toString() } : {}),
  });
  res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
  res.end(Buffer.from(await answer.arrayBuffer()));
};

/** Polls without pausing, so keys go out as soon as the prompt is on the screen. */
async function promptShown(session: TmuxSession): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const screen = session.screen();
    if (screen.includes(MARK)) return screen;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`No prompt; the screen was:\n${session.screen()}`);
}

describe('the first prompt', () => {
  it('ends the process on .exit typed the instant the prompt appears', async () => {
    const session = startShell();
    await promptShown(session);
    session.press('.exit', 'Enter');
    await session.waitForExit();
    expect(session.screen()).toContain('shell closed');
  }, 40_000);

  it('ends the process on Ctrl+D pressed the instant the prompt appears', async () => {
    const session = startShell();
    await promptShown(session);
    session.press('C-d');
    await session.waitForExit();
    expect(session.screen()).toContain('shell closed');
  }, 40_000);

  it('ends the process on .exit typed before the prompt appears', async () => {
    const session = startShell();
    session.press('.exit', 'Enter');
    await session.waitForExit(30_000);
    expect(session.screen()).toContain('shell closed');
  }, 40_000);

  it('comes before the user line, which is written above it without disturbing the typing', async () => {
    emulator.configure({ latencyMs: 1500 });
    const session = startShell();
    let screen = await promptShown(session);
    expect(screen).not.toMatch(USER);
    // "6 7" with the cursor before the blank, while the workspace has not answered yet.
    session.type('6 7');
    session.press('Left', 'Left');
    await session.waitFor((s) => s.endsWith(`${PROMPT}6 7`));
    screen = await session.waitFor(USER, 10_000);
    expect(screen).toMatch(/\.exit leaves\.\n {2}user [a-z]+\.[a-z]+\n\ncml:at> 6 7$/);
    // The cursor stayed where it was: typing goes between 6 and 7. (One character: Node 20's
    // readline misplaces several inserted at once in the middle of a line.)
    session.type('*');
    await session.waitFor((s) => s.endsWith(`${PROMPT}6* 7`));
    emulator.configure({ latencyMs: 0 });
    session.press('Enter');
    screen = await session.waitFor((s) => /\n42\ncml:at>$/.test(s));
    expect(screen.split(MARK)).toHaveLength(3);
  }, 40_000);

  it('keeps the user line out of a result that is being printed: it goes above the next prompt', async () => {
    emulator.configure({ latencyMs: 1000 });
    const session = startShell();
    await promptShown(session);
    // The call is slower than the key check that started before it: the user line arrives mid-call.
    session.type('await api.listProjects({pageSize: 1})');
    session.press('Enter');
    const screen = await session.waitFor(/page 1.*\n {2}user [a-z]+\.[a-z]+\n\ncml:at>$/, 15_000);
    expect(screen.split(MARK)).toHaveLength(3);
  }, 40_000);

  it('runs a line typed ahead before it asks whose key it is, and asks once the line is done', async () => {
    const proxy = await startRecordingServer(toEmulator);
    try {
      const session = startShell(TOKEN, proxy.url);
      session.type('await api.listProjects({pageSize: 1})');
      session.press('Enter');
      await session.waitFor(/page 1.*\n {2}user [a-z]+\.[a-z]+\n\ncml:at>$/, 30_000);
      const paths = proxy.requests.map((request) => request.url.split('?')[0]);
      expect(paths).toEqual(['/api/v2/projects', '/api/v2/auth/validate_key']);
    } finally {
      await proxy.close();
    }
  }, 40_000);

  it('says on a line of its own, above the prompt, that the workspace refused the key', async () => {
    const session = startShell('not-a-key-0123456789');
    const screen = await session.waitFor(/refused.*\n\ncml:at>$/, 30_000);
    expect(screen).toMatch(
      /\n {2}user unknown: the workspace refused the API key\n\nThe API key was refused, so every call will fail: HTTP 401 .*Leave the shell and run `cmlsh login`, or start it with CML_API_KEY or --token-stdin\n\ncml:at>$/,
    );
    // The prompt came first and stays usable.
    session.type('6 * 7');
    session.press('Enter');
    await session.waitFor(/\n42\ncml:at>$/);
  }, 40_000);
});

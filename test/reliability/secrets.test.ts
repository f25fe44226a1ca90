import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  randomToken,
  runCmlsh,
  spawnCmlsh,
  startTestEmulator,
  type TempHome,
  tempHome,
} from '../cli/run-cmlsh.js';
import { REAL_SPEC_PATH } from '../helpers/real-spec.js';
import { startRecordingServer } from '../helpers/recording-server.js';

/**
 * The key must never reach the screen, logs, errors, files or the process title. Every
 * command here runs in one fresh HOME; at the end every file under it and every byte of
 * captured output is scanned for the token.
 */
const TOKEN = randomToken('secret-key');
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let home: TempHome;
const captured: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: [TOKEN], seedProjects: 12 });
  home = tempHome();
});
afterAll(async () => {
  await emulator.close();
  home.cleanup();
});

const env = (extra: Record<string, string> = {}) =>
  home.env({ CML_HOST: emulator.url, CML_API_KEY: TOKEN, ...extra });

async function cmlsh(args: string[], extra?: Record<string, string>) {
  const result = await runCmlsh(args, env(extra));
  captured.push(result.stdout, result.stderr);
  return result;
}

describe('the API key stays secret', () => {
  it('is masked when api is printed, in -e output and as JSON', async () => {
    const shown = await cmlsh(['-e', 'api']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/token \*{4}\w{4}/);
    const json = await cmlsh(['-e', 'api', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      host: emulator.url,
      token: expect.stringMatching(/^\*{4}/),
    });
  });

  it('is redacted from --verbose request logs', async () => {
    const verbose = await cmlsh(['call', 'listProjects', '--page-size', '2', '--verbose']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/"authorization":"Bearer \*{4}/);
  });

  it('is not in error messages, also when the server echoes what it got', async () => {
    const bad = await cmlsh(['call', 'listProjects'], { CML_API_KEY: `${TOKEN}-wrong` });
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toContain(TOKEN);
    // A server that repeats the Authorization header in its error message.
    const echo = await startRecordingServer((req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 7, message: `denied for ${req.headers.authorization}` }));
    });
    try {
      for (const output of [[], ['-o', 'json']]) {
        const echoed = await cmlsh(['call', 'listProjects', '--spec', REAL_SPEC_PATH, ...output], {
          CML_HOST: echo.url,
        });
        expect(echoed.code).toBe(1);
        expect(echoed.stderr).toContain('denied for Bearer ****');
        expect(echoed.stderr).not.toContain(TOKEN);
      }
    } finally {
      await echo.close();
    }
  });

  it('is hidden from the process list when given with --token', async () => {
    const child = spawnCmlsh(
      ['--token', TOKEN, '-e', 'await new Promise((r) => setTimeout(r, 1500)); 1'],
      env({ CML_API_KEY: '' }),
    );
    const running = collect(child);
    let cmdline = '';
    // The key is visible until cmlsh's first statement runs, which a loaded machine delays:
    // poll until it is gone (or the process ends, which fails the assertion below).
    for (let i = 0; i < 200 && (i === 0 || cmdline.includes(TOKEN)) && child.exitCode === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    }
    const result = await running;
    captured.push(result.stdout, result.stderr);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('visible to other processes');
    expect(cmdline).not.toContain(TOKEN);
  });

  it('never appears in any output captured above, nor in any file under HOME', () => {
    const leaks = captured.filter((text) => text.includes(TOKEN));
    expect(leaks).toEqual([]);
    expect(home.filesContaining(TOKEN)).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliFixture, collect, randomToken } from '../cli/run-cmlsh.js';
import { TmuxSession } from '../helpers/tmux.js';

// The README's own sh blocks, read from README.md and run as written, in the checkout,
// with nothing of cmlsh on PATH: what a newcomer types right after `npm install`.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(`${ROOT}/README.md`, 'utf8');

/** Every command line of the README's ```sh blocks, comments taken off. */
function readmeCommands(): string[] {
  const blocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

/** Why a line is not run here, or undefined when it is. */
function notRun(line: string): string | undefined {
  if (line.startsWith('npm '))
    return 'an npm script: npm test runs this suite, npm start is tested as npx cmlsh --demo';
  if (line.includes('example.site')) return 'names the example workspace, which does not exist';
  if (line.includes(' serve ')) return 'a server that runs until stopped';
  if (line === 'npx cmlsh') return 'the interactive shell on the saved profile';
  return undefined;
}

const commands = readmeCommands();
const TOKEN = randomToken('readme');
const cli = cliFixture({ tokens: [TOKEN], seedProjects: 12, hostEnv: true });

/** PATH without any folder that holds a cmlsh of its own: only npx can find it. */
function pathWithoutCmlsh(): string {
  return (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('node_modules/.bin') && !existsCmlsh(dir))
    .join(':');
}

function existsCmlsh(dir: string): boolean {
  try {
    readFileSync(`${dir}/cmlsh`);
    return true;
  } catch {
    return false;
  }
}

describe("the README's commands", () => {
  it('are npm scripts or npx cmlsh, never a bare cmlsh that a fresh clone does not have', () => {
    expect(commands.length).toBeGreaterThan(8);
    for (const line of commands) {
      if (line.startsWith('npm ')) continue;
      expect(line, line).toMatch(/(^|\s)npx cmlsh(\s|$)/);
      expect(line.replace(/npx cmlsh/g, ''), line).not.toMatch(/(^|[\s|;&])cmlsh(\s|$)/);
    }
  });

  const runnable = commands.filter((line) => notRun(line) === undefined);
  it('has scripting examples to run here', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(5);
  });

  for (const line of runnable) {
    it(`runs as written: ${line}`, async () => {
      const child = spawn('bash', ['-o', 'pipefail', '-c', line], {
        cwd: ROOT,
        env: cli.env({ PATH: pathWithoutCmlsh() }),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const result = await collect(child);
      // `P` and `J` stand for ids the reader fills in: the workspace answers 404, and only that.
      if (/ P\b| J\b/.test(line)) {
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toMatch(/^HTTP 404 .* — getJob \(GET /);
      } else {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout.trim()).not.toBe('');
      }
    }, 60_000);
  }

  it('npm start opens the demo shell: npx cmlsh --demo, in a terminal', async () => {
    cli.env();
    const home = cli.home.dir;
    const term = TmuxSession.start('npx cmlsh --demo', {
      cwd: ROOT,
      env: { HOME: home, XDG_STATE_HOME: `${home}/.local/state`, PATH: pathWithoutCmlsh() },
    });
    try {
      const screen = await term.waitFor('cml:demo>', 40_000);
      expect(screen).toMatch(/cmlsh — CML API v2 at http:\/\/127\.0\.0\.1:\d+/);
      term.type('.exit');
      term.press('Enter');
      await term.waitForExit();
    } finally {
      term.kill();
    }
  }, 60_000);
});

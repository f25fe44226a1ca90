import { afterEach, describe, expect, it } from 'vitest';
import { type RunResult, runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

// Every command line below is a mistake a person makes: each must be answered with one
// line on stderr saying what was wrong, exit 2, nothing on stdout, no stack trace, and
// nothing sent (no host answers at the addresses used here).
const HOST = 'http://127.0.0.1:9';

let home: TempHome | undefined;
afterEach(() => {
  home?.cleanup();
  home = undefined;
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  home = tempHome();
  return home.env(extra);
}

function expectUsageError(result: RunResult, message: string | RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  // --token warns on a line of its own before the error: that warning is the only extra.
  const errors = lines.filter((line) => !line.startsWith('Warning: a token on the command line'));
  expect(errors, result.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
  expect(result.code, result.stderr).toBe(2);
}

describe('a flag given twice', () => {
  for (const [argv, flag] of [
    [
      ['call', 'listProjects', '--token', 'a1234567', '--token', 'b1234567', '--host', HOST],
      '--token given twice',
    ],
    [['call', 'listProjects', '--host', HOST, '--host', 'b.example'], '--host given twice'],
    [['call', 'createProject', '--body', '{}', '--body', '{}'], '--body given twice'],
    [['call', 'listProjects', '--spec', 'a.json', '--spec', 'b.json'], '--spec given twice'],
    [['call', 'listProjects', '-o', 'json', '-o', 'yaml'], '--output given twice'],
    [['call', 'listProjects', '-o', 'json', '--output', 'yaml'], '--output given twice'],
    [['call', 'listProjects', '--page-size', '1', '--page-size', '2'], '--page-size given twice'],
    [['--host', HOST, '--host', 'b.example', '-e', '1'], '--host given twice'],
    [['--demo', '--spec', 'a.json', '--spec', 'b.json'], '--spec given twice'],
    [['whoami', '--host', HOST, '--host', 'b.example'], '--host given twice'],
    [['login', '--host', HOST, '--host', 'b.example'], '--host given twice'],
    [['browse', 'listProjects', '--profile', 'a', '--profile', 'b'], '--profile given twice'],
    [['logout', '--profile', 'a', '--profile', 'b'], '--profile given twice'],
    [['serve', '--port', '0', '--port', '0'], '--port given twice'],
  ] as const) {
    it(`${argv.join(' ')}: ${flag}`, async () => {
      expectUsageError(await runCmlsh([...argv], env()), `${flag}: give it once`);
    });
  }
});

describe('a number that is not one, or out of range', () => {
  for (const [argv, message] of [
    [
      ['--demo', '-e', '1', '--timeout', 'abc'],
      /^--timeout takes a whole number of milliseconds from 1 to 2147483647.*not "abc"/,
    ],
    [['--demo', '-e', '1', '--timeout', '-1'], /^--timeout takes .* not "-1"/],
    [['--demo', '-e', '1', '--timeout', '1e100'], /^--timeout takes .* not "1e100"/],
    [['call', 'listProjects', '--timeout', '0'], /^--timeout takes .* not "0"/],
    [['call', 'listProjects', '--timeout', '2147483648'], /^--timeout takes .* not "2147483648"/],
    [['login', '--host', HOST, '--timeout', 'soon'], /^--timeout takes .* not "soon"/],
    [['call', 'listProjects', '--page-size', ''], /^--page-size needs a value, e.g. --page-size 50/],
    [['call', 'listProjects', '--page-size='], /^--page-size needs a value/],
    [
      ['call', 'listProjects', '--page-size', '0'],
      /^--page-size takes a whole number \(1 or more\).* not "0"/,
    ],
    [['call', 'listProjects', '--limit', '1.5'], /^--limit takes a whole number \(0 or more\).* not "1.5"/],
    [['call', 'listProjects', '--host='], /^--host needs a value, e.g. --host ml-1234.example.site/],
  ] as const) {
    it(`${argv.join(' ')}`, async () => {
      expectUsageError(await runCmlsh([...argv], env()), message);
    });
  }
});

describe('a profile that does not exist', () => {
  it('is refused even when the environment gives the host and key', async () => {
    const result = await runCmlsh(
      ['call', 'listProjects', '--profile', 'nosuch'],
      env({ CML_HOST: HOST, CML_API_KEY: 'env-key-123456' }),
    );
    expectUsageError(
      result,
      /^No profile "nosuch"\. None is saved yet; create one with `cmlsh login --profile nosuch/,
    );
  });

  it('is refused by the shell too', async () => {
    expectUsageError(await runCmlsh(['--profile', 'nosuch', '-e', '1'], env()), /^No profile "nosuch"/);
  });
});

describe('an API key with a line break inside', () => {
  const key = 'first-key-1234\nsecond-key-5678';
  it('from --token', async () => {
    const result = await runCmlsh(['call', 'listProjects', '--host', HOST, '--token', key], env());
    expectUsageError(result, /^The API key from --token contains a line break: an API key is one line/);
    expect(result.stderr).not.toContain('second-key');
  });

  it('from CML_API_KEY', async () => {
    const result = await runCmlsh(['call', 'listProjects'], env({ CML_HOST: HOST, CML_API_KEY: key }));
    expectUsageError(result, /^The API key from CML_API_KEY contains a line break.*set it to the key alone$/);
  });

  it('from CDSW_APIV2_KEY in a CML session', async () => {
    const result = await runCmlsh(['-e', '1'], env({ CDSW_API_URL: `${HOST}/api/v1`, CDSW_APIV2_KEY: key }));
    expectUsageError(result, /^The API key from CDSW_APIV2_KEY contains a line break/);
  });

  it('from --token-stdin (a trailing newline is fine, one inside is not)', async () => {
    const result = await runCmlsh(['whoami', '--host', HOST, '--token-stdin'], env(), `${key}\n`);
    expectUsageError(result, /^The API key from --token-stdin contains a line break.*pipe in the key alone$/);
  });

  it('from --token-stdin at login', async () => {
    // Without a keychain login stops before reading the key; with one, at the key.
    const result = await runCmlsh(['login', '--host', HOST, '--token-stdin'], env(), `${key}\n`);
    expectUsageError(
      result,
      /^(The API key from --token-stdin contains a line break|No keychain is available)/,
    );
  });
});

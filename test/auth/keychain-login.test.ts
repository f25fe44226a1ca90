import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CMLSH,
  randomToken,
  runCmlsh,
  startTestEmulator,
  type TempHome,
  tempHome,
} from '../cli/run-cmlsh.js';
import { KEYCHAIN_SUITE } from '../helpers/keychain-skip-reporter.js';
import { TmuxSession } from '../helpers/tmux.js';

// Without a D-Bus session these are skipped, and the run says so at its end in one line
// (test/helpers/keychain-skip-reporter.ts counts the suites named KEYCHAIN_SUITE).
const HAVE_DBUS = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

const TOKEN = randomToken('login');
const BAD = randomToken('bad');
let emulator: Awaited<ReturnType<typeof startTestEmulator>>;
let home: TempHome;
const profile = `test-${process.pid}-${Date.now().toString(36)}`;

/** What the Secret Service holds for a profile, read with libsecret's own tool. */
function keychainEntry(account: string): string | undefined {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', 'cmlsh', 'account', account], {
      encoding: 'utf8',
    });
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  emulator = await startTestEmulator({ tokens: [TOKEN], seedProjects: 4 });
  home = tempHome();
});
afterAll(async () => {
  await emulator.close();
  if (HAVE_DBUS) {
    try {
      execFileSync(process.execPath, [
        '-e',
        `require('keytar').deletePassword('cmlsh', ${JSON.stringify(profile)})`,
      ]);
    } catch {}
  }
  home.cleanup();
});
afterEach(() => {
  // The key may only ever live in the keychain: never in config, cache, state or history.
  expect(home.filesContaining(TOKEN)).toEqual([]);
  expect(home.filesContaining(BAD)).toEqual([]);
});

describe.skipIf(!HAVE_DBUS)(`login, whoami, call, logout ${KEYCHAIN_SUITE}`, () => {
  it('login with a bad key: exit 1 with the server reason, nothing stored', async () => {
    const result = await runCmlsh(
      ['login', '--host', emulator.url, '--profile', profile, '--token-stdin'],
      home.env(),
      BAD,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('401');
    expect(keychainEntry(profile)).toBeUndefined();
    expect(() => readFileSync(join(home.dir, '.config/cmlsh/config.json'))).toThrow();
  });

  it('login --token-stdin validates, stores the key in the keychain and the host in config', async () => {
    const result = await runCmlsh(
      ['login', '--host', `${emulator.url}/api/v2`, '--profile', profile, '--token-stdin'],
      home.env(),
      `${TOKEN}\n`,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(
      `Logged in to ${emulator.url} as ${emulator.username} (profile ${profile})`,
    );
    expect(keychainEntry(profile)).toBe(TOKEN);
    const config = JSON.parse(readFileSync(join(home.dir, '.config/cmlsh/config.json'), 'utf8'));
    expect(config).toEqual({ defaultProfile: profile, profiles: { [profile]: { host: emulator.url } } });
  });

  it('a call then works with no host or token given', async () => {
    const result = await runCmlsh(['call', 'listProjects', '--page-size', '2'], home.env());
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).projects).toHaveLength(2);
  });

  it('whoami shows the user, host and profile, with the key masked', async () => {
    const result = await runCmlsh(['whoami'], home.env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(emulator.username);
    expect(result.stdout).toContain(`profile  ${profile}`);
    expect(result.stdout).toContain(`****${TOKEN.slice(-4)}`);
    expect(result.stdout).not.toContain(TOKEN);
  });

  it('profiles lists it as the default', async () => {
    const result = await runCmlsh(['profiles'], home.env());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^\\* ${profile}\\s+${emulator.url.replace(/[.:/]/g, '\\$&')}$`, 'm'),
    );
  });

  it('logout removes the key from the keychain and says so; calls then need a key again', async () => {
    const result = await runCmlsh(['logout', '--profile', profile], home.env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Removed the API key of profile ${profile}`);
    expect(keychainEntry(profile)).toBeUndefined();
    const again = await runCmlsh(['logout'], home.env());
    expect(again.stdout).toContain('No API key');
    const call = await runCmlsh(['call', 'listProjects'], home.env());
    expect(call.code).toBe(2);
    expect(call.stderr).toContain('No API key');
  });

  it('a keychain entry with a line break inside is one usage line naming the profile', async () => {
    // Stored through keytar, as cmlsh itself stores keys: secret-tool's item was not always
    // found by keytar's lookup right after it was written.
    execFileSync(process.execPath, [
      '-e',
      `require('keytar').setPassword('cmlsh', ${JSON.stringify(profile)}, process.argv[1])`,
      `${TOKEN}\nsecond-line`,
    ]);
    const call = await runCmlsh(['call', 'listProjects'], home.env());
    expect(call.code).toBe(2);
    expect(call.stderr).toBe(
      `The API key from the keychain (profile ${profile}) contains a line break: an API key is one line; save it again with \`cmlsh login --profile ${profile}\`\n`,
    );
    execFileSync(process.execPath, [
      '-e',
      `require('keytar').deletePassword('cmlsh', ${JSON.stringify(profile)})`,
    ]);
  });
});

describe('no keychain available', () => {
  it('login says plainly that no keychain is available, exits 2, writes nothing', async () => {
    const noBus = tempHome();
    try {
      const result = await runCmlsh(
        ['login', '--host', emulator.url, '--profile', 'nobus', '--token-stdin'],
        noBus.env({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }),
        TOKEN,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('No keychain is available');
      expect(result.stderr).toContain('CML_API_KEY');
      expect(result.stderr).toContain('--token-stdin');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(noBus.filesContaining(TOKEN)).toEqual([]);
      expect(() => readFileSync(join(noBus.dir, '.config/cmlsh/config.json'))).toThrow();
    } finally {
      noBus.cleanup();
    }
  });

  it('in a terminal, login says so before asking for a key, with the ways to go without', async () => {
    const noBus = tempHome();
    const term = TmuxSession.start(`${process.execPath} ${CMLSH} login --host ${emulator.url}`, {
      env: {
        HOME: noBus.dir,
        XDG_CONFIG_HOME: `${noBus.dir}/.config`,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      },
    });
    try {
      await term.waitForExit();
      const screen = term.screen();
      expect(screen).toContain('No keychain is available to store the key in');
      expect(screen).toContain(
        `set CML_HOST=${emulator.url} and CML_API_KEY, or pass --host ${emulator.url} --token-stdin`,
      );
      expect(screen).not.toContain('API key for');
    } finally {
      term.kill();
      noBus.cleanup();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseShellFast } from '../../src/cli/fast-path.js';

describe('parseShellFast', () => {
  it('takes the plain shell and its simple flags', () => {
    expect(parseShellFast([])).toEqual({});
    expect(parseShellFast(['--demo', '-e', 'api', '--json'])).toEqual({
      demo: true,
      eval: 'api',
      json: true,
    });
    expect(parseShellFast(['--host=h.example', '--timeout', '500', '--profile', 'work'])).toEqual({
      host: 'h.example',
      timeout: 500,
      profile: 'work',
    });
  });

  it('leaves everything else to yargs', () => {
    for (const argv of [
      ['call', 'listProjects'],
      ['frobnicate'],
      ['--demo', 'lgoin'],
      ['--profile', 'work', 'extra'],
      ['--help'],
      ['--bogus'],
      ['--host'],
      ['--timeout', 'soon'],
      ['--timeout', '-1'],
      ['--timeout', '1e100'],
      ['--host='],
      ['--host', 'a', '--host', 'b'],
      ['--demo', '--demo'],
      ['--demo=true'],
      ['--host', '--demo'],
    ]) {
      expect(parseShellFast(argv), argv.join(' ')).toBeUndefined();
    }
  });
});

describe('the prompt label', () => {
  it('is the first DNS label of a workspace, or host:port for an address', async () => {
    const { shortHost } = await import('../../src/cli/run-shell.js');
    expect(shortHost('https://ml-1234.example.site')).toBe('ml-1234');
    expect(shortHost('http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
    expect(shortHost('https://[::1]:9000')).toBe('[::1]:9000');
  });
});

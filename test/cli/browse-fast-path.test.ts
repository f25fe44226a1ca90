import { describe, expect, it } from 'vitest';
import { splitBrowseArgs } from '../../src/cli/browse-args.js';
import { buildParser } from '../../src/cli/cli.js';
import { browseCommand } from '../../src/cli/commands/browse.js';
import { parseBrowseFast } from '../../src/cli/fast-path.js';
import { agreesWithYargs, ODD_VALUES, viaYargs } from '../helpers/via-yargs.js';

const viaBrowseYargs = (argv: readonly string[]) => viaYargs(browseCommand, splitBrowseArgs, argv);

async function expectSame(argv: readonly string[]): Promise<void> {
  const fast = parseBrowseFast(argv);
  expect(fast, argv.join(' ')).toBeDefined();
  expect(fast, argv.join(' ')).toEqual(await viaBrowseYargs(argv));
}

describe('parseBrowseFast', () => {
  it('gives what yargs gives for simple browse command lines', async () => {
    for (const argv of [
      ['browse', 'listProjects'],
      ['browse', 'listProjects', '--page-size', '10'],
      ['browse', 'list_jobs', '--project-id', 'abc', '--demo'],
      ['browse', 'listProjects', '--host=http://127.0.0.1:9', '--token', 'secret', '--timeout', '500'],
      ['browse', 'listProjects', '--verbose', '--insecure', '--token-stdin', '--ca-cert', 'ca.pem'],
      ['browse', 'listProjects', '--profile', 'work', '--spec', 'spec.json', '--refresh-spec'],
      ['browse', 'listProjects', '--search-filter', '{"name":"x"}', '--sort', 'name'],
      ['browse', 'getProject', '--project_id', '0012', '--projectId', 'x'],
      ['browse', 'listProjects', '--tag', 'a', '--tag', 'b', '--tag=c'],
      ['browse', 'listProjects', '--job.id', 'x', '--empty=', '--offset=-5', '--a=b=c'],
      // `call`'s flags are parameters here, as yargs has them.
      ['browse', 'listProjects', '--all', 'x', '--output', 'json', '--limit', '3'],
      ['browse', '123', '--x', '"quoted"', '--y', "'single'"],
    ]) {
      await expectSame(argv);
    }
  });

  it('leaves to yargs what it does not take', () => {
    for (const argv of [
      ['browse'],
      ['browse', '--demo', 'listProjects'],
      ['--verbose', 'browse', 'listProjects'],
      ['call', 'listProjects'],
      ['browse', 'listProjects', '--help'],
      ['browse', 'listProjects', '-h'],
      ['browse', 'listProjects', '--version'],
      ['browse', 'listProjects', 'extra'],
      ['browse', 'listProjects', '--demo', 'false'],
      ['browse', 'listProjects', '--demo=true'],
      ['browse', 'listProjects', '--demo', '--demo'],
      ['browse', 'listProjects', '-o', 'json'],
      ['browse', 'listProjects', '--operation', 'x'],
      ['browse', 'listProjects', '--timeout', 'soon'],
      ['browse', 'listProjects', '--timeout', ''],
      ['browse', 'listProjects', '--timeout', '2147483648'],
      ['browse', 'listProjects', '--timeout=0x10'],
      ['browse', 'listProjects', '--host', 'a', '--host', 'b'],
      ['browse', 'listProjects', '--host='],
      ['browse', 'listProjects', '--token', 'a', '--token=b'],
      ['browse', 'listProjects', '--project-id'],
      ['browse', 'listProjects', '--project-id', '--demo'],
      ['browse', 'listProjects', '--no-demo'],
      ['browse', 'listProjects', '-x', '1'],
      ['browse', 'listProjects', '--', '--x'],
      ['browse', 'listProjects', '--__proto__', 'x'],
      ['browse', 'listProjects', '--constructor', 'x'],
    ]) {
      expect(parseBrowseFast(argv), argv.join(' ')).toBeUndefined();
    }
  });

  it('agrees with yargs on any command line it takes', async () => {
    const words = [
      '--demo',
      '--verbose',
      '--insecure',
      '--token-stdin',
      '--refresh-spec',
      '--timeout',
      '--host',
      '--token',
      '--profile',
      '--spec',
      '--page-size',
      '--project-id',
      '--project_id',
      '--tag',
      '--job.id',
      '--no-demo',
      '--help',
      '-o',
      '--timeout=3',
      '--tag=x',
      '--demo=false',
      ...ODD_VALUES,
    ];
    await agreesWithYargs('browse', words, parseBrowseFast, viaBrowseYargs);
  });
});

describe('a browse flag given twice or a value out of range', () => {
  it('is refused by yargs with one line naming the flag, where the fast path steps aside', async () => {
    for (const [argv, message] of [
      [['--host', 'a', '--host', 'b'], '--host given twice: give it once'],
      [['--spec', 'a', '--spec', 'b', '--spec', 'c'], '--spec given 3 times: give it once'],
      [['--timeout', ''], '--timeout needs a value, e.g. --timeout 60000'],
      [['--timeout', '1e100'], '--timeout takes a whole number of milliseconds from 1 to 2147483647'],
    ] as const) {
      const line = ['browse', 'listProjects', ...argv];
      expect(parseBrowseFast(line), line.join(' ')).toBeUndefined();
      await expect(async () => buildParser(line, [browseCommand]).parseAsync()).rejects.toThrow(message);
    }
  });
});

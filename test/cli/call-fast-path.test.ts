import { describe, expect, it } from 'vitest';
import { splitCallArgs } from '../../src/cli/call-args.js';
import { buildParser } from '../../src/cli/cli.js';
import { callCommand } from '../../src/cli/commands/call.js';
import { parseCallFast } from '../../src/cli/fast-path.js';
import { agreesWithYargs, ODD_VALUES, viaYargs } from '../helpers/via-yargs.js';

const viaCallYargs = (argv: readonly string[]) => viaYargs(callCommand, splitCallArgs, argv);

async function expectSame(argv: readonly string[]): Promise<void> {
  const fast = parseCallFast(argv);
  expect(fast, argv.join(' ')).toBeDefined();
  expect(fast, argv.join(' ')).toEqual(await viaCallYargs(argv));
}

describe('parseCallFast', () => {
  it('gives what yargs gives for simple call command lines', async () => {
    for (const argv of [
      ['call', 'listProjects'],
      ['call', 'listProjects', '--all', '--page-size', '100', '--output', 'jsonl'],
      ['call', 'list_jobs', '--project-id', 'abc', '--all', '-o', 'jsonl', '--limit', '7'],
      ['call', 'listProjects', '--host=http://127.0.0.1:9', '--token', 'secret', '--timeout', '500'],
      ['call', 'listProjects', '--verbose', '--insecure', '--token-stdin', '--ca-cert', 'ca.pem'],
      ['call', 'createProject', '--body', '{"name":"demo"}', '--profile', 'work', '--spec', 'spec.json'],
      ['call', 'listProjects', '--search-filter', '{"name":"x"}', '--sort', 'name'],
      ['call', 'getProject', '--project_id', '0012', '--projectId', 'x'],
      ['call', 'listProjects', '--tag', 'a', '--tag', 'b', '--tag=c'],
      ['call', 'listProjects', '--job.id', 'x', '--empty=', '--offset=-5', '--a=b=c'],
      ['call', 'listProjects', '--page-size', '100', '--limit=0', '--timeout', ' 5 '],
      ['call', 'listProjects', '--include-public-projects', 'true', '--page-size', '1'],
      ['call', '123', '--x', '"quoted"', '--y', "'single'"],
    ]) {
      await expectSame(argv);
    }
  });

  it('leaves to yargs what it does not take', () => {
    for (const argv of [
      ['call'],
      ['call', '--all', 'listProjects'],
      ['--verbose', 'call', 'listProjects'],
      ['describe', 'listProjects'],
      ['call', 'listProjects', '--help'],
      ['call', 'listProjects', '-h'],
      ['call', 'listProjects', '--version'],
      ['call', 'listProjects', 'extra'],
      ['call', 'listProjects', '--all', 'false'],
      ['call', 'listProjects', '--all=true'],
      ['call', 'listProjects', '--all', '--all'],
      ['call', 'listProjects', '-o', 'json', '--output', 'csv'],
      ['call', 'listProjects', '-o', 'xml'],
      ['call', 'listProjects', '-o=json'],
      ['call', 'listProjects', '--o', 'json'],
      ['call', 'listProjects', '--operation', 'x'],
      ['call', 'listProjects', '--limit', 'many'],
      ['call', 'listProjects', '--limit', ''],
      ['call', 'listProjects', '--limit', '-5'],
      ['call', 'listProjects', '--page-size', '1e2'],
      ['call', 'listProjects', '--limit=0x10'],
      ['call', 'listProjects', '--page-size', '0'],
      ['call', 'listProjects', '--page-size='],
      ['call', 'listProjects', '--timeout', '2147483648'],
      ['call', 'listProjects', '--host', 'a', '--host', 'b'],
      ['call', 'listProjects', '--host='],
      ['call', 'listProjects', '--token', 'a', '--token=b'],
      ['call', 'listProjects', '--body', '{}', '--body', '{}'],
      ['call', 'listProjects', '--project-id'],
      ['call', 'listProjects', '--project-id', '--all'],
      ['call', 'listProjects', '--no-all'],
      ['call', 'listProjects', '--no-colour'],
      ['call', 'listProjects', '-x', '1'],
      ['call', 'listProjects', '--', '--x'],
      ['call', 'listProjects', '--__proto__', 'x'],
      ['call', 'listProjects', '--constructor', 'x'],
    ]) {
      expect(parseCallFast(argv), argv.join(' ')).toBeUndefined();
    }
  });

  it('agrees with yargs on any command line it takes', async () => {
    const words = [
      '--all',
      '--verbose',
      '--insecure',
      '--token-stdin',
      '--limit',
      '--page-size',
      '--timeout',
      '--output',
      '-o',
      '--host',
      '--body',
      '--project-id',
      '--project_id',
      '--tag',
      '--job.id',
      '--no-all',
      '--help',
      '--limit=3',
      '--tag=x',
      '--all=false',
      'jsonl',
      'csv',
      'json',
      '1.5',
      'false',
      ...ODD_VALUES,
    ];
    await agreesWithYargs('call', words, parseCallFast, viaCallYargs);
  });
});

describe('a flag given twice or a value out of range', () => {
  it('is refused by yargs with one line naming the flag, where the fast path steps aside', async () => {
    for (const [argv, message] of [
      [['--host', 'a', '--host', 'b'], '--host given twice: give it once'],
      [['-o', 'json', '--output', 'yaml'], '--output given twice: give it once'],
      [['--spec', 'a', '--spec', 'b', '--spec', 'c'], '--spec given 3 times: give it once'],
      [['--page-size', ''], '--page-size needs a value, e.g. --page-size 50'],
      [['--timeout', '1e100'], '--timeout takes a whole number of milliseconds from 1 to 2147483647'],
    ] as const) {
      const line = ['call', 'listProjects', ...argv];
      expect(parseCallFast(line), line.join(' ')).toBeUndefined();
      await expect(async () => buildParser(line, [callCommand]).parseAsync()).rejects.toThrow(message);
    }
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completeWords } from '../../src/cli/complete.js';
import { hostSlug, normaliseSpec, SpecCache } from '../../src/spec/index.js';
import { REAL_SPEC_PATH, realSpecDocument } from '../helpers/real-spec.js';
import { CMLSH, runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

let home: TempHome | undefined;

function env(extra: Record<string, string> = {}) {
  home ??= tempHome();
  return home.env(extra);
}

afterEach(() => {
  home?.cleanup();
  home = undefined;
});

describe('cmlsh completion', () => {
  it('prints the bash script that asks cmlsh on Tab', async () => {
    const result = await runCmlsh(['completion'], env({ SHELL: '/bin/bash' }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('# Installation: cmlsh completion >> ~/.bashrc');
    expect(result.stdout).toContain('cmlsh --get-yargs-completions "$');
    expect(result.stdout).toContain('complete -o bashdefault -o default -F _cmlsh_yargs_completions cmlsh');
  });

  it('--help is help, not the script', async () => {
    const result = await runCmlsh(['completion', '--help'], env());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^cmlsh completion\n/);
    expect(result.stdout).toContain('Print a bash/zsh completion script');
    expect(result.stdout).toContain('cmlsh completion >> ~/.bashrc');
    expect(result.stdout).not.toContain('COMP_WORDS');
  });
});

/**
 * Presses Tab the way bash does: the script of `cmlsh completion` is sourced, COMP_WORDS and
 * COMP_CWORD are set to the line typed, its function fills COMPREPLY (one per line here).
 */
function tab(line: string, extra: Record<string, string> = {}): string[] {
  const environment = env(extra);
  const bin = join(environment.HOME ?? '', 'bin');
  if (!existsSync(bin)) {
    mkdirSync(bin);
    symlinkSync(CMLSH, join(bin, 'cmlsh'));
  }
  const words = line.split(' ');
  const script = [
    'source <(cmlsh completion)',
    `COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_cmlsh_yargs_completions',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template.
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const output = execFileSync('bash', ['-c', script], {
    env: { ...environment, SHELL: '/bin/bash', PATH: `${bin}:${process.env.PATH}` },
    encoding: 'utf8',
  });
  return output.split('\n').filter(Boolean);
}

describe('Tab in bash', () => {
  it("completes an operation's own flags after its name, those typed already left out", () => {
    expect(tab('cmlsh call listJobs --pro')).toEqual(expect.arrayContaining(['--project-id', '--profile']));
    const next = tab('cmlsh call createJobRun --project-id p1 ');
    // The operation's flags first, then the command's.
    expect(next.slice(0, 3)).toEqual(['--job-id', '--arguments', '--environment']);
    expect(next).not.toContain('--project-id');
    expect(next).toContain('--wait');
    expect(tab('cmlsh browse list_jobs --se')).toEqual(['--search-filter']);
    // describe takes no parameter flags.
    expect(tab('cmlsh describe listJobs --pro')).toEqual(['--profile']);
  });

  it('completes operation names after call, describe and browse, from the builtin spec', () => {
    const call = tab('cmlsh call listP');
    expect(call).toContain('listProjects');
    expect(call.every((name) => name.startsWith('listP'))).toBe(true);
    expect(tab('cmlsh describe list_jo')).toContain('list_jobs');
    expect(tab('cmlsh --profile none browse getJ')).toContain('getJob');
  });

  it('lists commands without $0, and long flags without --o', () => {
    const commands = tab('cmlsh ');
    expect(commands).toContain('call');
    expect(commands).toContain('completion');
    expect(commands).not.toContain('$0');
    const flags = tab('cmlsh call listProjects --o');
    expect(flags).toEqual(['--output']);
    expect(tab('cmlsh call listProjects -o j')).toEqual(['json', 'jsonl']);
  });

  it('uses the cached spec of the workspace at hand, without asking it', async () => {
    // Port 9 (discard): a request there would fail, so the names can only come from the cache.
    const host = 'http://127.0.0.1:9';
    const cacheHome = env().XDG_CACHE_HOME ?? '';
    await new SpecCache(join(cacheHome, 'cmlsh')).write(host, '2.0.0', realSpecDocument());
    expect(tab('cmlsh call listRuntimeA')).toEqual([]);
    expect(tab('cmlsh call listRuntimeA', { CML_HOST: host })).toContain('listRuntimeAddons');
  });

  it('goes on over a cached spec damaged in a part: the operation completes, without its flags', async () => {
    const host = 'http://127.0.0.1:9';
    const cache = join(env().XDG_CACHE_HOME ?? '', 'cmlsh');
    const spec = normaliseSpec(realSpecDocument(), 'test');
    await new SpecCache(cache).write(host, '2.0.0', realSpecDocument(), spec);
    const file = join(cache, 'specs', hostSlug(host), '2.0.0.normalised');
    const bytes = readFileSync(file);
    const start = bytes.indexOf('"Create a new job."');
    bytes.fill('{', start, start + '"Create a new job."'.length);
    writeFileSync(file, bytes);
    expect(tab('cmlsh call createJob --', { CML_HOST: host })).toContain('--body');
    expect(tab('cmlsh call listJobs --pa', { CML_HOST: host }).sort()).toEqual([
      '--page-size',
      '--page-token',
    ]);
  });

  it('uses the --spec file typed on the line', () => {
    expect(tab(`cmlsh call --spec ${REAL_SPEC_PATH} listRuntimeA`)).toContain('listRuntimeAddons');
  });
});

describe('completeWords', () => {
  const operations = async () => ['listProjects', 'listJobs', 'getJob'];

  it('answers from the words before the cursor', async () => {
    const complete = (...words: string[]) => completeWords(['cmlsh', ...words], operations);
    expect(await complete('call', '')).toEqual(['listProjects', 'listJobs', 'getJob']);
    expect(await complete('--host', 'h', 'browse', 'list')).toEqual(['listProjects', 'listJobs']);
    expect(await complete('call', 'listJobs', '--page')).toEqual(['--page-size']);
    expect(await complete('call', 'listJobs', '--output', '')).toContain('csv');
    expect(await complete('ops', '--')).not.toContain('--filter');
    expect(await complete('serve', '--seed', '')).toEqual(['demo', 'none']);
    expect(await complete('call', 'listJobs', '--body', '')).toEqual([]);
  });

  it('passes the flags typed so far to the operation source', async () => {
    let seen: [string, string][] = [];
    await completeWords(['cmlsh', '--spec=api.json', 'describe', '--host', 'h', ''], async (typed) => {
      seen = [...typed];
      return [];
    });
    expect(seen).toEqual([
      ['spec', 'api.json'],
      ['host', 'h'],
    ]);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession } from '../helpers/tmux.js';
import { count } from '../repl/shell-io.js';
import { CMLSH, runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

const MARK = 'cml:demo>';
let home: TempHome | undefined;
let term: TmuxSession | undefined;
afterEach(() => {
  term?.kill();
  term = undefined;
  home?.cleanup();
  home = undefined;
});

function withRc(code: string | undefined): { env: Record<string, string>; rc: string } {
  home = tempHome();
  const env = Object.fromEntries(
    Object.entries(home.env()).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const rc = join(env.XDG_CONFIG_HOME ?? '', 'cmlsh', 'cmlshrc.js');
  mkdirSync(join(rc, '..'), { recursive: true });
  if (code !== undefined) writeFileSync(rc, code);
  return { env, rc };
}

async function enter(line: string): Promise<string> {
  const before = count(term?.screen() ?? '', MARK);
  term?.type(line);
  term?.press('Enter');
  return (await term?.waitFor((s) => count(s, MARK) > before && s.trimEnd().endsWith(MARK), 30_000)) ?? '';
}

describe('the startup file ($XDG_CONFIG_HOME/cmlsh/cmlshrc.js)', () => {
  it('runs before the first prompt with api in scope; what it defines is there to use', async () => {
    const { env } = withRc(
      "const greeting = 'hello from rc';\nasync function firstProject() { return (await api.listProjects({ pageSize: 1 })).items[0].name; }\n",
    );
    term = TmuxSession.start(`node ${CMLSH} --demo`, { env, width: 100, height: 30 });
    await term.waitFor(MARK, 30_000);
    expect(await enter('greeting')).toContain("'hello from rc'");
    expect(await enter('typeof (await firstProject())')).toContain("'string'");
  }, 60_000);

  it('a failing one is one line naming the file and line; the shell starts; --norc skips it', async () => {
    const { env, rc } = withRc('const ok = 1;\nnosuchThing();\n');
    term = TmuxSession.start(`node ${CMLSH} --demo`, { env, width: 160, height: 30 });
    const line = `Error in ${rc}:2: ReferenceError: nosuchThing is not defined (the rest of it was not run)`;
    const screen = await term.waitFor((s) => s.includes(line) && s.trimEnd().endsWith(MARK), 30_000);
    expect(count(screen, line)).toBe(1);
    expect(await enter('ok + 1')).toMatch(/ok \+ 1\n2\n/);
    term.kill();
    term = TmuxSession.start(`node ${CMLSH} --demo --norc`, { env, width: 160, height: 30 });
    const plain = await term.waitFor(MARK, 30_000);
    expect(plain).not.toContain('Error in');
    expect(await enter('typeof ok')).toContain("'undefined'");
  }, 60_000);
});

describe('cmlsh run script.js', () => {
  it('runs a file with api, cmlapi and its own args, top-level await, a job run waited on', async () => {
    const { env } = withRc(undefined);
    const file = join(home?.dir ?? '', 'nightly.js');
    writeFileSync(
      file,
      [
        '#!/usr/bin/env -S cmlsh run',
        'const [p] = (await api.listProjects({ pageSize: 1 })).items;',
        'const [j] = (await api.list_jobs(p.id)).items;',
        'const run = await api.createJobRun({ projectId: p.id, jobId: j.id });',
        "console.log(args.join('|'), typeof cmlapi.default_client, (await run.wait()).status);",
      ].join('\n'),
    );
    const result = await runCmlsh(['run', '--demo', file, 'one', '--two'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('one|--two function ENGINE_SUCCEEDED\n');
  }, 30_000);

  it('an uncaught error: one line with file:line, exit 1; a syntax error exit 2; no file exit 2', async () => {
    const { env } = withRc(undefined);
    const file = join(home?.dir ?? '', 'broken.js');
    writeFileSync(file, 'const a = await api.listProjects();\n\na.items.nothing.here;\n');
    const thrown = await runCmlsh(['run', '--demo', file], env);
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toBe(
      `${file}:3: TypeError: Cannot read properties of undefined (reading 'here')\n`,
    );
    writeFileSync(file, 'const a = ;\n');
    const syntax = await runCmlsh(['run', '--demo', file], env);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toBe(`Syntax error in ${file}:1: Unexpected token ';'\n`);
    const missing = await runCmlsh(['run', '--demo', join(home?.dir ?? '', 'none.js')], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Cannot read .*none\.js: ENOENT/);
  }, 30_000);
});

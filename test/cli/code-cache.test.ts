import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCmlsh, type TempHome, tempHome } from './run-cmlsh.js';

/** What the build wrote: each script of dist/ and the hash naming its cache entry. */
const manifest = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../dist/scripts.json', import.meta.url)), 'utf8'),
) as Record<string, string>;
const entryOf = (script: string) => `${manifest[script]}.bin`;
const bootScript = Object.keys(manifest).find((file) => /^chunks\/boot-/.test(file)) ?? 'no boot script';
const shellScript = Object.keys(manifest).find((file) => /^chunks\/shell-/.test(file)) ?? 'no shell script';

let home: TempHome;
afterEach(() => home?.cleanup());

/** Per Node version, architecture and V8 flags: the one folder a run of this Node made. */
const cacheDir = () => {
  const base = join(home.dir, '.cache/cmlsh/code');
  const made = existsSync(base) ? readdirSync(base) : [];
  const mine = made.find((name) => name.startsWith(`${process.version}-${process.arch}-`));
  return join(base, mine ?? 'none yet');
};
const entries = () => (existsSync(cacheDir()) ? readdirSync(cacheDir()).sort() : []);

describe("the code cache of dist/'s scripts", () => {
  it('is written by the first run, for the scripts it ran, and then only read', async () => {
    home = tempHome();
    const first = await runCmlsh(['--version'], home.env());
    expect([first.code, first.stdout.trim(), first.stderr]).toEqual([0, '0.1.0', '']);
    expect(entries()).toEqual([entryOf('main.js'), entryOf(bootScript)].sort());
    const written = statSync(join(cacheDir(), entryOf('main.js'))).mtimeMs;

    // The shell's own script joins them; what was accepted is not written again.
    const shell = await runCmlsh(['--demo', '-e', '1 + 1'], home.env());
    expect([shell.code, shell.stdout.trim()]).toEqual([0, '2']);
    expect(entries()).toContain(entryOf(shellScript));
    expect(statSync(join(cacheDir(), entryOf('main.js'))).mtimeMs).toBe(written);
    for (const name of entries()) expect(statSync(join(cacheDir(), name)).mode & 0o777).toBe(0o600);
  });

  it('replaces an entry V8 refuses (damaged, or from another build) and runs as if there were none', async () => {
    home = tempHome();
    await runCmlsh(['--version'], home.env());
    const entry = join(cacheDir(), entryOf('main.js'));
    writeFileSync(entry, 'not a code cache');
    const run = await runCmlsh(['--version'], home.env());
    expect([run.code, run.stdout.trim(), run.stderr]).toEqual([0, '0.1.0', '']);
    const replaced = readFileSync(entry);
    expect(replaced.toString()).not.toBe('not a code cache');
    expect(replaced.length).toBeGreaterThan(100);
  });

  it('never hands V8 an entry damaged in its body: the run goes on and the entry is made again', async () => {
    home = tempHome();
    await runCmlsh(['--demo', '-e', '1'], home.env());
    const entry = join(cacheDir(), entryOf(shellScript));
    const bytes = readFileSync(entry);
    // Damaged in the middle, where V8's own header check does not look (it crashed V8 outright).
    for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 64; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    writeFileSync(entry, bytes);
    const run = await runCmlsh(['--demo', '-e', '6 * 7'], home.env());
    expect([run.code, run.signal, run.stdout.trim()]).toEqual([0, null, '42']);
    expect(readFileSync(entry).equals(bytes)).toBe(false);
  });

  it('is not used from a folder others may write to: what is in it is code cmlsh would run', async () => {
    home = tempHome();
    const shared = join(home.dir, 'shared-cache');
    mkdirSync(join(shared, 'cmlsh/code'), { recursive: true, mode: 0o777 });
    chmodSync(join(shared, 'cmlsh/code'), 0o777);
    const run = await runCmlsh(['--version'], home.env({ XDG_CACHE_HOME: shared }));
    expect([run.code, run.stdout.trim(), run.stderr]).toEqual([0, '0.1.0', '']);
    expect(readdirSync(join(shared, 'cmlsh/code'))).toEqual([]);
  });

  it('is only a cache: a folder that cannot be written costs nothing but time', async () => {
    home = tempHome();
    // The cache home is a file: no folder can be made under it.
    const blocked = join(home.dir, 'cache-is-a-file');
    writeFileSync(blocked, '');
    chmodSync(blocked, 0o400);
    const run = await runCmlsh(
      ['--demo', '-e', 'api.listProjects.name'],
      home.env({ XDG_CACHE_HOME: blocked }),
    );
    expect([run.code, run.stdout.trim(), run.stderr]).toEqual([0, "'listProjects'", '']);
  });

  it('is not used at all with CMLSH_NO_CODE_CACHE=1', async () => {
    home = tempHome();
    const run = await runCmlsh(['--version'], home.env({ CMLSH_NO_CODE_CACHE: '1' }));
    expect([run.code, run.stdout.trim()]).toEqual([0, '0.1.0']);
    expect(entries()).toEqual([]);
  });
});

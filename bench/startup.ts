/**
 * Figure 1: startup. Exec to an interactive `cml:...>` prompt with `api` ready (spec cached,
 * against an emulator in its own process) over a bare `node -i` to its `> `; and
 * `cmlsh --version` over `node -e 0`. Prints its rows as JSON on the last stdout line.
 */
import { rmSync } from 'node:fs';
import { benchHome, runTimed, startEmulatorChild } from './children.js';
import { msToPrompt } from './pty.js';
import { interleave, ratioRow } from './stats.js';

const reps = Number(process.env.BENCH_REPS ?? 15);
const { home, env } = benchHome({ TERM: 'xterm-256color' });
const node = process.execPath;
const emulator = await startEmulatorChild(240);
try {
  const { url, token } = emulator.info;
  const shell = `${node} bin/cmlsh --host ${url} --token ${token}`;
  // The first run fetches the spec from the emulator and caches it; the measured ones read the cache.
  await msToPrompt(shell, /cml:\S*> /, env);

  const [repl, bare] = await interleave(
    reps,
    () => msToPrompt(shell, /cml:\S*> /, env),
    () => msToPrompt(`${node} -i`, /> /, env),
  );
  const [version, nodeE] = await interleave(
    reps,
    async () => (await runTimed(node, ['bin/cmlsh', '--version'], env)).ms,
    async () => (await runTimed(node, ['-e', '0'], env)).ms,
  );
  if (process.env.BENCH_DEBUG) console.error({ repl, bare, version, nodeE });
  const rows = [
    ratioRow({
      id: 'startup.repl',
      figure: 'exec to prompt, api ready (pty)',
      unit: 'ms',
      values: repl,
      floorName: 'node -i to >',
      floorValues: bare,
      // Issue #18's target.
      maxRatio: 1.3,
    }),
    ratioRow({
      id: 'startup.version',
      figure: 'cmlsh --version',
      unit: 'ms',
      values: version,
      floorName: 'node -e 0',
      floorValues: nodeE,
      maxRatio: 2.0,
    }),
  ];
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} finally {
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
}

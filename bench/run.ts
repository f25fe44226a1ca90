/**
 * `npm run bench`: runs each figure's benchmark in its own process, one after the other (so
 * they never compete), collects their rows, prints one table and writes bench/results.json
 * with the machine it ran on. Exits 1 when a target is missed, so CI can notice; no test
 * ever asserts on time. Options: BENCH_ONLY=startup,listing runs a subset; BENCH_REPS sets
 * repetitions of the process-level figures.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { promisify } from 'node:util';
import { REPO, TSX } from './children.js';
import { type BenchRow, formatTable } from './stats.js';

/** Each figure's file, and what its environment adds to ours. */
const FIGURES: readonly (readonly [string, string, NodeJS.ProcessEnv?])[] = [
  ['startup', 'bench/startup.ts'],
  ['completion', 'bench/completion.ts'],
  ['listing', 'bench/listing.ts'],
  ['firstrow', 'bench/first-row.ts'],
  // The browser renders from source: it gets React's production build, as the bundle has.
  ['browser', 'bench/browser.tsx', { NODE_ENV: 'production' }],
  ['emulator', 'bench/emulator-load.ts'],
  ['spec', 'bench/spec-load.ts'],
];

const run = promisify(execFile);
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

const machine = {
  nproc: cpus().length,
  cpu: cpuModel(),
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};
const gitHead = await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO })
  .then(({ stdout }) => stdout.trim())
  .catch(() => 'unknown');

const rows: BenchRow[] = [];
const failures: string[] = [];
for (const [name, file, env] of FIGURES) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}...`);
  const start = performance.now();
  try {
    const { stdout } = await run(process.execPath, [...TSX, file], {
      cwd: REPO,
      maxBuffer: 16 * 2 ** 20,
      env: { ...process.env, ...env },
    });
    rows.push(...(JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as BenchRow[]));
    process.stderr.write(` ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`${name}: ${message}`);
    process.stderr.write(` failed\n${message}\n`);
  }
}

process.stdout.write(
  `\ncmlsh ${gitHead} on ${machine.nproc} x ${machine.cpu}, node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}\n`,
);
process.stdout.write('median and spread (± half the interquartile range) of interleaved repetitions;\n');
process.stdout.write('ratio = figure / floor per repetition pair (for req/s: floor / figure)\n\n');
process.stdout.write(`${formatTable(rows)}\n`);
writeFileSync(
  `${REPO}/bench/results.json`,
  `${JSON.stringify({ date: new Date().toISOString(), git: gitHead, machine, rows, failures }, null, 2)}\n`,
);
const missed = rows.filter((row) => row.ok === false).map((row) => row.id);
if (missed.length) process.stdout.write(`\nmissed: ${missed.join(', ')}\n`);
if (failures.length)
  process.stdout.write(`\nfailed to run: ${failures.map((f) => f.split(':')[0]).join(', ')}\n`);
process.exitCode = missed.length || failures.length ? 1 : 0;

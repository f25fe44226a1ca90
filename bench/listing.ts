/**
 * Figure 3: `cmlsh call listProjects --all --page-size 100 --output jsonl` over 3,000
 * projects against a bare keep-alive fetch loop doing the same paging (bench/raw-list.mjs),
 * both as fresh processes, interleaved; the emulator runs in its own process. Peak RSS of
 * both (from /usr/bin/time) at 3,000 and 30,000 items: flat means streaming.
 * Prints its rows as JSON on the last stdout line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTimed, startEmulatorChild } from './children.js';
import { type BenchRow, interleave, ratioRow, summarise } from './stats.js';

const reps = Number(process.env.BENCH_REPS ?? 10);
const home = mkdtempSync(join(tmpdir(), 'cmlsh-bench-'));
const rssFile = join(home, 'rss');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  HOME: home,
  XDG_CACHE_HOME: join(home, 'cache'),
  XDG_STATE_HOME: join(home, 'state'),
  XDG_CONFIG_HOME: join(home, 'config'),
  CML_API_KEY: '',
};

interface Sample {
  ms: number;
  rssKb: number;
}

/** Runs `node args` under /usr/bin/time for its peak RSS; checks that every item arrived. */
async function measured(args: string[], items: number): Promise<Sample> {
  const run = await runTimed('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args], env);
  if (run.stdoutLines !== items)
    throw new Error(`${args.join(' ')} printed ${run.stdoutLines} of ${items} items`);
  return { ms: run.ms, rssKb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) };
}

async function listing(items: number, repetitions: number): Promise<{ cml: Sample[]; raw: Sample[] }> {
  const emulator = await startEmulatorChild(items);
  try {
    const { url, token } = emulator.info;
    const cmlArgs = ['bin/cmlsh', 'call', 'listProjects', '--all', '--page-size', '100', '--output', 'jsonl'];
    const cml = [...cmlArgs, '--host', url, '--token', token];
    const raw = ['bench/raw-list.mjs', url, token, '100'];
    const cmlSamples: Sample[] = [];
    const rawSamples: Sample[] = [];
    // The warm-up run also caches the spec for this host, as a second use of cmlsh would find it.
    await interleave(
      repetitions,
      async () => {
        const sample = await measured(cml, items);
        cmlSamples.push(sample);
        return sample.ms;
      },
      async () => {
        const sample = await measured(raw, items);
        rawSamples.push(sample);
        return sample.ms;
      },
    );
    // interleave() also pushed the warm-up round; drop it.
    return { cml: cmlSamples.slice(1), raw: rawSamples.slice(1) };
  } finally {
    await emulator.close();
  }
}

try {
  const small = await listing(3000, reps);
  const large = await listing(30000, Math.max(3, Math.floor(reps / 3)));
  const rss = (samples: Sample[]) => samples.map((s) => s.rssKb / 1024);
  const rows: BenchRow[] = [
    ratioRow({
      id: 'listing.3000',
      figure: 'call listProjects --all, 3,000 items',
      unit: 'ms',
      values: small.cml.map((s) => s.ms),
      floorName: 'raw fetch loop',
      floorValues: small.raw.map((s) => s.ms),
      maxRatio: 1.3,
    }),
    ratioRow({
      id: 'listing.30000',
      figure: 'call listProjects --all, 30,000 items',
      unit: 'ms',
      values: large.cml.map((s) => s.ms),
      floorName: 'raw fetch loop',
      floorValues: large.raw.map((s) => s.ms),
      maxRatio: 1.3,
    }),
    ratioRow({
      id: 'listing.rss',
      figure: 'peak RSS, 30,000 vs 3,000 items',
      unit: 'MB',
      values: rss(large.cml),
      floorName: 'same at 3,000',
      floorValues: rss(small.cml).slice(0, large.cml.length),
      maxRatio: 1.2,
      extra: {
        rss3000: summarise(rss(small.cml)).median,
        rss30000: summarise(rss(large.cml)).median,
        rawRss3000: summarise(rss(small.raw)).median,
        rawRss30000: summarise(rss(large.raw)).median,
      },
    }),
  ];
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} finally {
  rmSync(home, { recursive: true, force: true });
}

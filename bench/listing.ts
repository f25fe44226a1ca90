/**
 * Figure 3: `cmlsh call listProjects --all --page-size 100 --output jsonl` over 3,000
 * projects against a bare keep-alive fetch loop doing the same paging (bench/raw-list.mjs),
 * both as fresh processes, interleaved; the emulator runs in its own process. Peak RSS of
 * both (from /usr/bin/time) at 3,000 and 30,000 items: flat means streaming.
 * Prints its rows as JSON on the last stdout line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchHome, runTimed, startEmulatorChild } from './children.js';
import { type BenchRow, interleave, ratioRow, summarise } from './stats.js';

const reps = Number(process.env.BENCH_REPS ?? 10);
const { home, env } = benchHome({ CML_API_KEY: '' });
const rssFile = join(home, 'rss');

interface Sample {
  ms: number;
  rssKb: number;
}

/**
 * Runs `command args` under /usr/bin/time for its peak RSS; checks that every item arrived
 * (one JSON line each) unless `lines` is false (a peer whose output is one JSON document).
 */
async function measured(command: string, args: string[], items: number, lines = true): Promise<Sample> {
  const run = await runTimed('/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args], env);
  if (lines && run.stdoutLines !== items)
    throw new Error(`${args.join(' ')} printed ${run.stdoutLines} of ${items} items`);
  return { ms: run.ms, rssKb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) };
}

function installed(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A peer listing the same projects: [name, command, args, output is one line per item]. */
type Peer = readonly [string, string, (url: string, token: string) => string[], boolean];

const peers: Peer[] = [];
const notes: string[] = [];
if (installed('curl') && installed('jq'))
  peers.push(['curl + jq loop', 'sh', (url, token) => ['bench/curl-jq-list.sh', url, token, '100'], true]);
else notes.push('curl + jq loop skipped: curl or jq is not installed');
const cai = process.env.PEER_CAI;
if (cai)
  peers.push([
    'cai projects list',
    cai,
    () => ['projects', 'list', '--page-size', '100', '--limit', '1000000', '--include-public'],
    false,
  ]);
else notes.push('cai skipped: set PEER_CAI to the path of the cai executable to compare with it');
for (const note of notes) process.stderr.write(`listing: ${note}\n`);

interface Listing {
  cml: Sample[];
  raw: Sample[];
  /** Per peer name: samples interleaved with cmlsh's own. */
  peers: Map<string, { cml: number[]; peer: number[] }>;
  /** `--limit N` instead of `--all`: the same items without read-ahead, against the raw loop. */
  serial?: { cml: number[]; raw: number[] };
}

async function listing(
  items: number,
  repetitions: number,
  withPeers: boolean,
  withSerial = false,
): Promise<Listing> {
  const emulator = await startEmulatorChild(items);
  try {
    const { url, token } = emulator.info;
    const cmlArgs = ['bin/cmlsh', 'call', 'listProjects', '--all', '--page-size', '100', '--output', 'jsonl'];
    const cml = [...cmlArgs, '--host', url, '--token', token];
    const raw = ['bench/raw-list.mjs', url, token, '100'];
    const node = process.execPath;
    const cmlSamples: Sample[] = [];
    const rawSamples: Sample[] = [];
    // The warm-up run also caches the spec for this host, as a second use of cmlsh would find it.
    await interleave(
      repetitions,
      async () => {
        const sample = await measured(node, cml, items);
        cmlSamples.push(sample);
        return sample.ms;
      },
      async () => {
        const sample = await measured(node, raw, items);
        rawSamples.push(sample);
        return sample.ms;
      },
    );
    const peerSamples = new Map<string, { cml: number[]; peer: number[] }>();
    for (const [name, command, args, lines] of withPeers ? peers : []) {
      const peerEnv = { CAI_URL: url, CML_API_KEY: token, CAI_SKIP_SKILLS: '1' };
      Object.assign(env, peerEnv);
      const [own, peer] = await interleave(
        Math.max(3, Math.floor(repetitions / 2)),
        async () => (await measured(node, cml, items)).ms,
        async () => (await measured(command, args(url, token), items, lines)).ms,
      );
      peerSamples.set(name, { cml: own, peer });
    }
    // --all asks for the next page while it writes this one; --limit reads only what it needs.
    const serialArgs = [...cml.filter((arg) => arg !== '--all'), '--limit', String(items)];
    const serial = withSerial
      ? await interleave(
          repetitions,
          async () => (await measured(node, serialArgs, items)).ms,
          async () => (await measured(node, raw, items)).ms,
          0,
        )
      : undefined;
    // interleave() also pushed the warm-up round; drop it.
    return {
      cml: cmlSamples.slice(1),
      raw: rawSamples.slice(1),
      peers: peerSamples,
      ...(serial ? { serial: { cml: serial[0], raw: serial[1] } } : {}),
    };
  } finally {
    await emulator.close();
  }
}

try {
  const small = await listing(3000, reps, true);
  const large = await listing(30000, Math.max(3, Math.floor(reps / 3)), false, true);
  const rss = (samples: Sample[]) => samples.map((s) => s.rssKb / 1024);
  const rows: BenchRow[] = [
    ratioRow({
      id: 'listing.3000',
      figure: 'call listProjects --all, 3,000 items',
      unit: 'ms',
      values: small.cml.map((s) => s.ms),
      floorName: 'raw fetch loop',
      floorValues: small.raw.map((s) => s.ms),
      maxRatio: 1.15,
    }),
    ratioRow({
      id: 'listing.30000',
      figure: 'call listProjects --all, 30,000 items',
      unit: 'ms',
      values: large.cml.map((s) => s.ms),
      floorName: 'raw fetch loop',
      floorValues: large.raw.map((s) => s.ms),
      maxRatio: 1.1,
    }),
    ...(large.serial
      ? [
          ratioRow({
            id: 'listing.30000.serial',
            figure: 'call --limit 30000 (no read-ahead)',
            unit: 'ms',
            values: large.serial.cml,
            floorName: 'raw fetch loop',
            floorValues: large.serial.raw,
          }),
        ]
      : []),
    ratioRow({
      id: 'listing.rss',
      figure: 'peak RSS, 30,000 vs 3,000 items',
      unit: 'MB',
      values: rss(large.cml),
      floorName: 'same at 3,000',
      floorValues: rss(small.cml).slice(0, large.cml.length),
      maxRatio: 1.1,
      extra: {
        rss3000: summarise(rss(small.cml)).median,
        rss30000: summarise(rss(large.cml)).median,
        rawRss3000: summarise(rss(small.raw)).median,
        rawRss30000: summarise(rss(large.raw)).median,
      },
    }),
    // Peers: the floor column is the peer, so the ratio reads "cmlsh takes 0.4x its time".
    ...[...small.peers].map(([name, samples]) =>
      ratioRow({
        id: `listing.peer.${name.split(' ')[0]}`,
        figure: 'call listProjects --all, 3,000 items (peer)',
        unit: 'ms',
        values: samples.cml,
        floorName: name,
        floorValues: samples.peer,
      }),
    ),
  ];
  process.stdout.write(`${JSON.stringify(rows)}\n`);
} finally {
  rmSync(home, { recursive: true, force: true });
}

/**
 * Figure 2: tab completion latency. cmlsh's pure `completeLine` over the real spec, called
 * in-process many times per line, against Node's own REPL completer on an object with the
 * same members (what a plain `node` would do for that key press); and a Tab typed into a
 * real `startShell` on a fake terminal, against a Tab typed into a plain Node REPL.
 * Target: p99 under 5 ms. Prints its rows as JSON on the last stdout line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type REPLServer, start } from 'node:repl';
import { PassThrough } from 'node:stream';
import { OperationIndex } from '../src/api/index.js';
import { completeLine, completionContext, SeenIds, startShell } from '../src/repl/index.js';
import { normaliseSpec } from '../src/spec/index.js';
import { SWAGGER, startEmulatorChild } from './children.js';
import { type BenchRow, quantile, summarise } from './stats.js';

const calls = Number(process.env.BENCH_COMPLETIONS ?? 2000);
const LINES = [
  'api.',
  'api.listJ',
  'await api.listJobs({',
  'await api.listJobs({ projectId: ',
  'await api.listProjects({ searchFilter: { ',
];
const BUDGET_MS = 5;

const document = JSON.parse(readFileSync(SWAGGER, 'utf8')) as unknown;
const spec = normaliseSpec(document, SWAGGER);
const seen = new SeenIds(spec);
const context = completionContext(spec, new OperationIndex(spec.operations), (name) => seen.get(name));

/** A plain Node REPL whose `api` has the same members, as the floor. */
function nodeRepl(): REPLServer {
  const server = start({ input: new PassThrough(), output: new PassThrough(), terminal: false, prompt: '' });
  const api: Record<string, () => void> = {};
  for (const name of context.names) api[name] = () => {};
  server.context.api = api;
  return server;
}

function nodeComplete(server: REPLServer, line: string): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    server.completer(line, (error) => (error ? reject(error) : resolve(performance.now() - start)));
  });
}

/** Interleaves per call: one cmlsh completion, one Node completion, for every line. */
async function pureVersusNode(): Promise<[number[], number[]]> {
  const server = nodeRepl();
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < calls; i++) {
    const line = LINES[i % LINES.length] ?? '';
    const start = performance.now();
    const result = completeLine(line, context);
    const ms = performance.now() - start;
    if (!result) throw new Error(`cmlsh did not complete ${line}`);
    if (i >= LINES.length * 5) ours.push(ms);
    const node = await nodeComplete(server, line);
    if (i >= LINES.length * 5) theirs.push(node);
  }
  server.close();
  return [ours, theirs];
}

/** A PassThrough that says it is a terminal, so readline handles Tab as a real one would. */
function fakeTty(): PassThrough & { isTTY: boolean; columns: number; rows: number } {
  return Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40 });
}

/**
 * Milliseconds from typing Tab Tab after `line` until the REPL has settled (one event-loop
 * turn): the first completes the common prefix, the second lists the candidates.
 */
async function tabLatency(input: PassThrough, line: string): Promise<number> {
  input.write(line);
  await new Promise((resolve) => setImmediate(resolve));
  const start = performance.now();
  input.write('\t\t');
  await new Promise((resolve) => setImmediate(resolve));
  const ms = performance.now() - start;
  input.write('\u0015'); // Ctrl+U clears the line for the next round.
  await new Promise((resolve) => setImmediate(resolve));
  return ms;
}

/** Tab in a real cmlsh shell (startShell on a fake TTY) and in a plain Node REPL, interleaved. */
async function tabThroughRepl(): Promise<[number[], number[]]> {
  const emulator = await startEmulatorChild(240);
  const home = mkdtempSync(join(tmpdir(), 'cmlsh-bench-'));
  const cmlIn = fakeTty();
  const cmlOut = fakeTty();
  cmlOut.resume();
  const nodeIn = fakeTty();
  const nodeOut = fakeTty();
  nodeOut.resume();
  try {
    let prompted: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      prompted = resolve;
    });
    cmlOut.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('cml:bench> ')) prompted();
    });
    const closed = startShell({
      connect: { host: emulator.info.url, token: emulator.info.token, loadedSpec: spec },
      label: 'bench',
      historyFile: join(home, 'history'),
      input: cmlIn,
      output: cmlOut,
    });
    await ready;
    const plain = start({ input: nodeIn, output: nodeOut, prompt: '> ' });
    const api: Record<string, () => void> = {};
    for (const name of context.names) api[name] = () => {};
    plain.context.api = api;

    const ours: number[] = [];
    const theirs: number[] = [];
    const rounds = Math.max(50, Math.floor(calls / 10));
    for (let i = 0; i < rounds; i++) {
      const line = LINES[i % LINES.length] ?? '';
      const a = await tabLatency(cmlIn, line);
      const b = await tabLatency(nodeIn, line);
      if (i >= LINES.length) {
        ours.push(a);
        theirs.push(b);
      }
    }
    plain.close();
    cmlIn.end('.exit\n');
    await closed;
    return [ours, theirs];
  } finally {
    await emulator.close();
    rmSync(home, { recursive: true, force: true });
  }
}

function latencyRow(
  id: string,
  figure: string,
  ours: number[],
  theirs: number[],
  floorName: string,
): BenchRow {
  const own = summarise(ours);
  const floor = summarise(theirs);
  const p99 = quantile(ours, 0.99);
  const floorP99 = quantile(theirs, 0.99);
  return {
    id,
    figure,
    unit: 'ms',
    median: own.median,
    spread: own.spread,
    samples: own.samples,
    floor: { name: floorName, median: floor.median, spread: floor.spread },
    // Per-call timings are too short to pair; the ratio compares the p99s of both samples.
    ratio: { median: p99 / floorP99, spread: Number.NaN },
    target: `p99 ${p99.toFixed(3)} < ${BUDGET_MS} ms`,
    ok: p99 < BUDGET_MS,
    extra: { p99, floorP99, max: Math.max(...ours) },
  };
}

const [pure, nodePure] = await pureVersusNode();
const [tab, nodeTab] = await tabThroughRepl();
const rows: BenchRow[] = [
  latencyRow('completion.pure', 'completeLine (api., args, values)', pure, nodePure, "node's completer"),
  latencyRow('completion.repl', 'Tab Tab in startShell (fake tty)', tab, nodeTab, 'same in node repl'),
];
process.stdout.write(`${JSON.stringify(rows)}\n`);

/**
 * Figure 5: emulator throughput and latency for a small GET (one project), on 1 and on 32
 * keep-alive connections, against a bare node:http server answering the same bytes. Both
 * servers run in their own processes; the load generator (undici Pool) runs here, loopback
 * only, bounded by a request count and a time limit. Prints its rows as JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { startEmulatorChild, startServerChild } from './children.js';
import { type BenchRow, quantile, ratioRow } from './stats.js';

const reps = Number(process.env.BENCH_REPS ?? 5);
const requestsPerConnection = Number(process.env.BENCH_REQUESTS ?? 4000);
const maxMs = 3000;
/** One connection: the count as given; 32: five times as many, so the run is not over in a blink. */
const maxRequests = (connections: number) =>
  connections === 1 ? requestsPerConnection : requestsPerConnection * 5;

interface Load {
  rps: number;
  p99: number;
}

/** Sends up to `maxRequests(connections)` GETs over `connections` sockets (each with one request in flight). */
async function load(origin: string, path: string, token: string, connections: number): Promise<Load> {
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const headers = { authorization: `Bearer ${token}` };
  const latencies: number[] = [];
  let sent = 0;
  const start = performance.now();
  const deadline = start + maxMs;
  const worker = async () => {
    while (sent < maxRequests(connections) && performance.now() < deadline) {
      sent++;
      const t = performance.now();
      const { statusCode, body } = await pool.request({ method: 'GET', path, headers });
      await body.arrayBuffer();
      if (statusCode !== 200) throw new Error(`GET ${path}: ${statusCode}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  return { rps: latencies.length / seconds, p99: quantile(latencies, 0.99) };
}

const dir = mkdtempSync(join(tmpdir(), 'cmlsh-bench-'));
const emulator = await startEmulatorChild(240);
try {
  const { url, token } = emulator.info;
  const list = (await (
    await fetch(`${url}/api/v2/projects?page_size=1`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { projects: { id: string }[] };
  const id = list.projects[0]?.id ?? '';
  const path = `/api/v2/projects/${id}`;
  const body = await (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })).text();
  writeFileSync(join(dir, 'body.json'), body);
  const bare = await startServerChild<{ url: string }>(['bench/bare-server.mjs', join(dir, 'body.json')]);
  try {
    const rows: BenchRow[] = [];
    for (const connections of [1, 32]) {
      const emu: Load[] = [];
      const floor: Load[] = [];
      await load(url, path, token, connections);
      await load(bare.info.url, path, token, connections);
      for (let i = 0; i < reps; i++) {
        emu.push(await load(url, path, token, connections));
        floor.push(await load(bare.info.url, path, token, connections));
      }
      rows.push(
        ratioRow({
          id: `emulator.rps.c${connections}`,
          figure: `emulator GET project, ${connections} conn`,
          unit: 'req/s',
          values: emu.map((l) => l.rps),
          floorName: 'bare node:http',
          floorValues: floor.map((l) => l.rps),
          higherIsBetter: true,
          maxRatio: 2,
          extra: {
            p99Ms: quantile(
              emu.map((l) => l.p99),
              0.5,
            ),
            floorP99Ms: quantile(
              floor.map((l) => l.p99),
              0.5,
            ),
          },
        }),
      );
    }
    process.stdout.write(`${JSON.stringify(rows)}\n`);
  } finally {
    await bare.close();
  }
} finally {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}

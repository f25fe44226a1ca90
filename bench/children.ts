/**
 * Child processes for the benchmarks: a helper to start a long-lived server child that
 * announces itself with a JSON line, and to run a command to completion with its timing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const SWAGGER = `${REPO}/../shared/cml-api-v2/swagger.json`;
export const TSX = ['--import', 'tsx'];

/** A child that printed one JSON line when ready and ends when its stdin closes. */
export interface ServerChild<T> {
  readonly info: T;
  readonly child: ChildProcess;
  close(): Promise<void>;
}

/** Starts `node args...` and resolves with the first JSON line it prints. */
export async function startServerChild<T>(args: readonly string[]): Promise<ServerChild<T>> {
  const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${args.join(' ')} exited with ${String(code)} before it was ready`);
    }),
  ])) as [string];
  lines.close();
  child.stdout!.resume();
  return {
    info: JSON.parse(first) as T,
    child,
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The emulator over the real spec, in its own process. */
export function startEmulatorChild(
  seedProjects: number,
): Promise<ServerChild<{ url: string; token: string }>> {
  return startServerChild([...TSX, 'bench/emulator-process.ts', SWAGGER, String(seedProjects)]);
}

/** Outcome of one timed run. */
export interface RunResult {
  readonly ms: number;
  readonly code: number | null;
  readonly stdoutBytes: number;
  readonly stdoutLines: number;
  readonly stderr: string;
}

/**
 * Runs `command args` to completion, counting (not keeping) stdout, and times spawn to
 * exit with the monotonic clock. @throws when it exits non-zero.
 */
export async function runTimed(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdoutBytes = 0;
  let stdoutLines = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) stdoutLines++;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString();
  });
  const [code] = (await once(child, 'close')) as [number | null];
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${String(code)}: ${stderr}`);
  return { ms, code, stdoutBytes, stdoutLines, stderr };
}

/** A fresh HOME with its own XDG folders, so no run sees a user's cache, history or keys. */
export function benchHome(extra: NodeJS.ProcessEnv = {}): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'cmlsh-bench-'));
  return {
    home,
    env: {
      ...process.env,
      HOME: home,
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_STATE_HOME: join(home, 'state'),
      XDG_CONFIG_HOME: join(home, 'config'),
      ...extra,
    },
  };
}

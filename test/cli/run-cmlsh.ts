import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { builtinSwagger } from '../../src/spec/index.js';
import { removeTree } from '../helpers/remove-tree.js';

/** The built executable; `npm test` builds before running vitest. */
export const CMLSH = fileURLToPath(new URL('../../bin/cmlsh', import.meta.url));

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A private HOME with XDG folders, removed by `cleanup()`. */
export interface TempHome {
  readonly dir: string;
  /** Environment for cmlsh: this HOME, and none of the caller's CML_/CDSW_ settings. */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  /** Every file under HOME whose bytes contain `secret`. */
  filesContaining(secret: string): string[];
  cleanup(): void;
}

export function tempHome(): TempHome {
  const dir = mkdtempSync(join(tmpdir(), 'cmlsh-home-'));
  return {
    dir,
    env(extra = {}) {
      const env: NodeJS.ProcessEnv = {};
      for (const [key, value] of Object.entries(process.env)) {
        if (!/^(CML_|CDSW_|XDG_|HTTPS?_PROXY|NO_PROXY)/i.test(key)) env[key] = value;
      }
      return {
        ...env,
        HOME: dir,
        XDG_CONFIG_HOME: join(dir, '.config'),
        XDG_CACHE_HOME: join(dir, '.cache'),
        XDG_STATE_HOME: join(dir, '.local/state'),
        NO_COLOR: '1',
        ...extra,
      };
    },
    filesContaining(secret) {
      return walk(dir).filter((file) => readFileSync(file).includes(secret));
    },
    cleanup() {
      removeTree(dir);
    },
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Starts `cmlsh args...`; the caller reads or signals it. */
export function spawnCmlsh(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [CMLSH, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs cmlsh to the end with `input` on stdin. */
export function runCmlsh(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<RunResult> {
  const child = spawnCmlsh(args, env);
  return collect(child, input);
}

/** Waits for a started child and gathers its output. */
export function collect(child: ChildProcess, input = ''): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin?.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Starts the emulator in-process over loopback with the builtin spec. */
export async function startTestEmulator(options: {
  tokens: string[];
  seedProjects?: number;
  latencyMs?: number;
}) {
  const { startEmulator } = await import('../../src/emulator/index.js');
  return startEmulator({
    document: builtinSwagger(),
    port: 0,
    host: '127.0.0.1',
    tokens: options.tokens,
    seed: 'demo',
    ...(options.seedProjects !== undefined ? { seedProjects: options.seedProjects } : {}),
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
  });
}

/** A token long enough that maskSecret shows its tail, unique per call. */
export function randomToken(prefix = 'tok'): string {
  return `${prefix}-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

/**
 * The setup every command-line test file shares: an emulator for the file, a fresh HOME
 * for each test, and after each test a check that no secret was written under that HOME.
 * `hostEnv` adds CML_HOST/CML_API_KEY pointing at the emulator to every `env()`.
 */
export function cliFixture(options: {
  tokens: string[];
  seedProjects: number;
  secrets?: string[];
  hostEnv?: boolean;
  latencyMs?: number;
}) {
  let emulator: Awaited<ReturnType<typeof startTestEmulator>> | undefined;
  let home: TempHome | undefined;
  beforeAll(async () => {
    emulator = await startTestEmulator({
      tokens: options.tokens,
      seedProjects: options.seedProjects,
      ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  afterEach(() => {
    if (!home) return;
    for (const secret of options.secrets ?? options.tokens) expect(home.filesContaining(secret)).toEqual([]);
    home.cleanup();
  });
  const fixture = {
    get emulator() {
      if (!emulator) throw new Error('the emulator starts in beforeAll');
      return emulator;
    },
    get home() {
      if (!home) throw new Error('call env() first: it makes the HOME');
      return home;
    },
    /** A fresh HOME for this test, and the environment to run cmlsh in it. */
    env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
      home = tempHome();
      const base = options.hostEnv
        ? { CML_HOST: fixture.emulator.url, CML_API_KEY: options.tokens[0] ?? '' }
        : {};
      return home.env({ ...base, ...extra });
    },
  };
  return fixture;
}

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { CmlUsageError } from '../../errors/index.js';
import { builtinSwagger } from '../../spec/index.js';
import { reportError } from '../report-error.js';

interface ServeArgs {
  readonly port: number;
  readonly host: string;
  readonly token?: string[] | undefined;
  readonly spec?: string | undefined;
  readonly seed: 'demo' | 'none';
  readonly 'seed-projects'?: number | undefined;
  readonly state?: string | undefined;
  readonly latency?: number | undefined;
  readonly 'run-step'?: number | undefined;
  readonly 'machine-token'?: string[] | undefined;
  readonly 'fault-rate'?: number | undefined;
  readonly 'fault-kinds'?: string | undefined;
}

const FAULT_KINDS = ['503', '429', 'reset', 'truncate'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * `cmlsh serve`: the emulator as a server. The first stdout line is exactly
 * `listening on http://HOST:PORT`, so scripts can read the URL; a generated key follows.
 */
export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve',
  describe: 'Run a local CML API v2 emulator (for demos, tests and scripts)',
  builder: (yargs) =>
    yargs
      .option('port', { type: 'number', default: 0, describe: 'Port (0 = any free one)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on' })
      .option('token', {
        type: 'string',
        array: true,
        describe: 'Accepted API key (repeatable; default: a generated one, printed)',
      })
      .option('spec', { type: 'string', describe: 'Swagger 2.0 file to emulate (default: the builtin spec)' })
      .option('seed', {
        choices: ['demo', 'none'] as const,
        default: 'demo' as const,
        describe: 'Start with demo data or empty',
      })
      .option('seed-projects', { type: 'number', describe: 'Number of demo projects' })
      .option('state', { type: 'string', describe: 'JSON state file: loaded at start, saved on change' })
      .option('run-step', {
        type: 'number',
        describe: 'Time a run, build or deployment spends in each status, ms (default 1500)',
      })
      .option('machine-token', {
        type: 'string',
        array: true,
        describe: 'Accepted key of an observability machine user (may list workload executions)',
      })
      .option('latency', { type: 'number', describe: 'Delay added to every answer, ms' })
      .option('fault-rate', { type: 'number', describe: 'Share (0..1) of requests that fail' })
      .option('fault-kinds', {
        type: 'string',
        describe: `Failures to inject, comma-separated: ${FAULT_KINDS.join(',')}`,
      })
      .example([['$0 serve --port 8080 --token secret', 'Serve on a fixed port with a known key']]) as never,
  handler: async (args) => {
    // Listen for the stop signals before announcing the URL: a caller may signal at once.
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    try {
      const document = args.spec ? await readSpecFile(args.spec) : undefined;
      const { startEmulator } = await import('../../emulator/index.js');
      const generated = args.token?.length ? undefined : randomBytes(24).toString('base64url');
      const tokens = args.token?.length ? args.token.map(String) : [generated as string];
      const emulator = await startEmulator({
        document: document ?? builtinSwagger(),
        port: args.port,
        host: args.host,
        tokens,
        seed: args.seed,
        ...(args['seed-projects'] !== undefined ? { seedProjects: args['seed-projects'] } : {}),
        ...(args.state ? { stateFile: args.state } : {}),
        ...(args.latency !== undefined ? { latencyMs: args.latency } : {}),
        ...(args['run-step'] !== undefined ? { runStepMs: args['run-step'] } : {}),
        ...(args['machine-token']?.length ? { machineTokens: args['machine-token'].map(String) } : {}),
        ...(args['fault-rate'] !== undefined ? { faultRate: args['fault-rate'] } : {}),
        ...(args['fault-kinds'] ? { faultKinds: faultKinds(args['fault-kinds']) } : {}),
      });
      process.stdout.write(`listening on ${emulator.url}\n`);
      if (generated) process.stdout.write(`token: ${generated}\n`);
      await stopped;
      await emulator.close();
    } catch (error) {
      reportError(listenError(error, args.host, args.port));
    }
  },
};

/** A port that cannot be had is the caller's to change: a usage error naming it. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return new CmlUsageError(
      `--port ${port}: ${host}:${port} is already in use; pick another, or 0 for any free port`,
    );
  if (code === 'EACCES')
    return new CmlUsageError(
      `--port ${port}: not allowed to listen on ${host}:${port}; pick a port above 1023`,
    );
  if (code === 'EADDRNOTAVAIL') return new CmlUsageError(`--host ${host}: no such local address`);
  return error;
}

function faultKinds(text: string): FaultKind[] {
  return text.split(',').map((kind) => {
    const trimmed = kind.trim();
    if (!(FAULT_KINDS as readonly string[]).includes(trimmed)) {
      throw new CmlUsageError(`--fault-kinds: "${trimmed}" is not one of ${FAULT_KINDS.join(', ')}`);
    }
    return trimmed as FaultKind;
  });
}

async function readSpecFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CmlUsageError(`--spec: cannot read ${path} as JSON: ${(error as Error).message}`);
  }
}

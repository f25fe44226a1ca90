import { CmlConfigError } from '../errors/index.js';
import * as repl from '../repl/index.js';
import { type PlainConnectOptions, resolveConnection } from './connection.js';
import { withDemo } from './demo.js';
import type { ShellArgs } from './options.js';
import { type ControllingTerminal, requireTerminal } from './terminal.js';

/**
 * The default command: the interactive shell, or `-e CODE` run once. With `--demo` a local
 * emulator with demo data is started first (and closed when the shell ends), serving the
 * `--spec` document if one is given.
 * With `--token-stdin` stdin carries the key, so the interactive shell reads and draws on
 * the controlling terminal instead.
 * @throws CmlConfigError when no workspace or key can be found (the message names `--demo`).
 * @throws CmlUsageError when stdin carried the key and there is no terminal to type in.
 */
export async function runShell(args: ShellArgs): Promise<void> {
  if (args.demo) return runDemo(args);
  // Opened before the key is read, so that without a terminal nothing is done at all.
  const terminal = args['token-stdin'] && args.eval === undefined ? requireTerminal(NO_TERMINAL) : undefined;
  try {
    await runWorkspace(args, terminal);
  } finally {
    terminal?.close();
  }
}

const NO_TERMINAL =
  'The interactive shell needs a terminal, and --token-stdin took stdin with none left: save the key with `cmlsh login` or set CML_API_KEY, or run code with -e';

async function runWorkspace(args: ShellArgs, terminal: ControllingTerminal | undefined): Promise<void> {
  let resolved: Awaited<ReturnType<typeof resolveConnection>>;
  try {
    resolved = await resolveConnection(args);
  } catch (error) {
    if (error instanceof CmlConfigError && /^No (CML workspace host|API key)/.test(error.message)) {
      throw new CmlConfigError(`${error.message} Or try \`cmlsh --demo\` against a local emulator.`);
    }
    throw error;
  }
  const { credentials, connect } = resolved;
  const label = credentials.profile ?? shortHost(credentials.host);
  await run(args, connect, label, credentials.profile, [credentials.token], terminal);
}

/**
 * What the prompt calls a workspace: its first DNS label (`ml-1234` of
 * ml-1234.example.site), or host:port for an address; the banner shows the full URL.
 */
export function shortHost(host: string): string {
  const url = new URL(host);
  if (/^[\d.]+$|^\[/.test(url.hostname)) return url.host;
  return url.hostname.split('.')[0] || url.host;
}

function runDemo(args: ShellArgs): Promise<void> {
  return withDemo(args, (connect, token) => run(args, connect, 'demo', undefined, [token]));
}

async function run(
  args: ShellArgs,
  connect: PlainConnectOptions,
  label: string,
  profile: string | undefined,
  secrets: string[],
  terminal?: ControllingTerminal,
): Promise<void> {
  const verbose = args.verbose ?? false;
  if (args.eval !== undefined) {
    process.exitCode = await repl.runScript(args.eval, { connect, json: args.json ?? false, verbose });
    return;
  }
  await repl.startShell({
    connect,
    label,
    verbose,
    secrets,
    // The shipped shell loads the browser while it waits for the first line: in the bundle that
    // is one stall of about 50 ms after the prompt (from source, under tsx, it takes a second).
    preloadBrowser: true,
    ...(args.norc ? { rcFile: false } : {}),
    ...(profile ? { profile } : {}),
    ...(terminal ? { input: terminal.input, output: terminal.output } : {}),
  });
}

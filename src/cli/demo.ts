import { builtinSwagger, normaliseSpec, readSpecDocument } from '../spec/index.js';
import type { PlainConnectOptions } from './connection.js';
import { resolveConnection, specFetchJson } from './connection.js';
import type { ConnectionArgs } from './options.js';

/** What `--demo` needs to know: the spec to emulate and the per-request timeout. */
type DemoArgs = Pick<ConnectionArgs, 'spec' | 'timeout'>;

/**
 * Runs `use` against a local emulator with demo data, closed when it is done. With `--spec`
 * the emulator serves that document and the client reads the same one; normalised here
 * first, so a bad spec is reported under its own name. The demo data is the same on every
 * start, so ids printed by one `--demo` command work in the next.
 */
export async function withDemo<T>(
  args: DemoArgs,
  use: (connect: PlainConnectOptions, token: string) => Promise<T>,
): Promise<T> {
  // Loaded here: only the demo needs it, and node:crypto costs the plain shell ~7 ms.
  const { randomBytes } = await import('node:crypto');
  const token = `demo-${randomBytes(18).toString('base64url')}`;
  const { startEmulator } = await import('../emulator/index.js');
  const document = args.spec
    ? await readSpecDocument(args.spec, await specFetchJson(args))
    : builtinSwagger();
  const loadedSpec = normaliseSpec(document, args.spec ?? 'builtin');
  const emulator = await startEmulator({
    document,
    port: 0,
    host: '127.0.0.1',
    tokens: [token],
    seed: 'demo',
  });
  try {
    return await use(
      {
        host: emulator.url,
        token,
        loadedSpec,
        ...(args.timeout !== undefined ? { timeoutMs: args.timeout } : {}),
      },
      token,
    );
  } finally {
    await emulator.close();
  }
}

/**
 * Runs a one-shot command's work against the demo emulator with `--demo`, else against
 * the workspace the connection flags, environment and profile name.
 */
export async function withConnection<T>(
  args: ConnectionArgs & { readonly demo?: boolean | undefined },
  use: (connect: PlainConnectOptions) => Promise<T>,
): Promise<T> {
  if (args.demo) return withDemo(args, use);
  const { connect } = await resolveConnection(args);
  return use(connect);
}

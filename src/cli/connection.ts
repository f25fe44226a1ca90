import type { ConnectOptions } from '../api/index.js';
import { type Credentials, keychainStore, readStdinSecret, resolveCredentials } from '../auth/index.js';
import { createTransport, formatTransportEvent, type TransportEvent } from '../client/index.js';
import { createTlsWire } from '../client/tls-wire.js';
import { type FetchJson, MAX_SPEC_BYTES } from '../spec/index.js';
import { cmlshDirs } from '../util/xdg.js';
import type { ConnectionArgs } from './options.js';
import { keepSecret, warn } from './report-error.js';

/** ConnectOptions without the callbacks the caller adds itself: what `startShell` takes. */
export type PlainConnectOptions = Omit<
  ConnectOptions,
  'onWarning' | 'onEvent' | 'defaultSignal' | 'onResult'
>;

export interface ResolvedConnection {
  readonly credentials: Credentials;
  readonly connect: PlainConnectOptions;
}

/**
 * Turns the connection flags into options for `connect()`: credentials (flags, env, CML
 * session, profile + keychain), TLS/proxy wire, timeout and the spec cache.
 * @throws CmlConfigError when no host or token can be found.
 */
export async function resolveConnection(args: ConnectionArgs): Promise<ResolvedConnection> {
  const stdinToken = args['token-stdin'] ? await readStdinSecret() : undefined;
  const credentials = await resolveCredentials(
    { host: args.host, token: args.token, stdinToken, profile: args.profile },
    { secrets: () => keychainStore(), onWarning: warn },
  );
  keepSecret(credentials.token);
  const wire = await createTlsWire({ caCert: args['ca-cert'], insecure: args.insecure, onWarning: warn });
  const connect: PlainConnectOptions = {
    host: credentials.host,
    token: credentials.token,
    cacheDir: cmlshDirs().cache,
    ...(args.spec ? { spec: args.spec } : {}),
    ...(args['refresh-spec'] ? { refreshSpec: true } : {}),
    ...(wire ? { wire } : {}),
    ...(args.timeout !== undefined ? { timeoutMs: args.timeout } : {}),
  };
  return { credentials, connect };
}

/**
 * How a command without a workspace connection fetches a `--spec` URL: through the
 * transport, with this run's TLS, proxy and timeout, and no key.
 */
export async function specFetchJson(args: ConnectionArgs): Promise<FetchJson> {
  const wire = await createTlsWire({ caCert: args['ca-cert'], insecure: args.insecure, onWarning: warn });
  return (url) =>
    createTransport({
      baseUrl: new URL(url).origin,
      ...(wire ? { wire } : {}),
      ...(args.timeout !== undefined ? { timeoutMs: args.timeout } : {}),
      ...(args.verbose ? { onEvent: printEvent } : {}),
    }).getJson(url, { maxResponseBytes: MAX_SPEC_BYTES });
}

/**
 * The hooks a one-shot command adds: warnings and (with --verbose) transport events on
 * stderr, and no fallback spec when the workspace does not answer (the call would fail anyway).
 */
export function hooks(
  verbose: boolean | undefined,
): Pick<ConnectOptions, 'onWarning' | 'onEvent' | 'failIfUnreachable'> {
  return { onWarning: warn, failIfUnreachable: true, ...(verbose ? { onEvent: printEvent } : {}) };
}

/** One stderr line per transport event (the same lines as the shell's --verbose). */
export function printEvent(event: TransportEvent): void {
  process.stderr.write(`${formatTransportEvent(event)}\n`);
}

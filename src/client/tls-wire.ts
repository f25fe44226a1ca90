import { readFile } from 'node:fs/promises';
import { CmlConfigError } from '../errors/index.js';
import { createNodeWire } from './node-wire.js';
import { fetchWire, type Wire } from './wire.js';

export interface TlsWireOptions {
  /** `--ca-cert FILE`: a PEM bundle trusted on top of the system roots. */
  readonly caCert?: string | undefined;
  /** `--insecure`: do not verify the server's certificate at all. */
  readonly insecure?: boolean | undefined;
  /** Environment with HTTPS_PROXY / HTTP_PROXY / NO_PROXY (any case). */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** Told when a setting weakens security (--insecure). */
  readonly onWarning?: ((message: string) => void) | undefined;
}

/** True when the environment asks for a proxy. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy'].some((name) => Boolean(env[name]));
}

/**
 * A wire for `connect({ wire })` with the TLS and proxy settings applied, or undefined when
 * none are asked for (then the transport uses its default: Node's http, undici never loaded).
 * Through a proxy requests go by fetch over undici's proxy agent (it tunnels https with
 * CONNECT); otherwise by Node's https with the certificate settings. `NODE_EXTRA_CA_CERTS`
 * needs nothing here: Node applies it to every connection.
 * @throws CmlConfigError when the CA file cannot be read or holds no certificate.
 */
export async function createTlsWire(options: TlsWireOptions): Promise<Wire | undefined> {
  const env = options.env ?? process.env;
  const proxy = proxyConfigured(env);
  if (!options.caCert && !options.insecure && !proxy) return undefined;

  const tlsOptions: { ca?: string[]; rejectUnauthorized?: boolean } = {};
  if (options.caCert) {
    const { rootCertificates } = await import('node:tls');
    tlsOptions.ca = [...rootCertificates, await readCa(options.caCert)];
  }
  if (options.insecure) {
    tlsOptions.rejectUnauthorized = false;
    options.onWarning?.(
      'Warning: --insecure: the server certificate is NOT verified; anyone on the network path can read the API key. Prefer --ca-cert FILE',
    );
  }
  if (!proxy) return createNodeWire(tlsOptions);
  const undici = await import('undici');
  const dispatcher = quietly(
    () =>
      // requestTls is what the proxy tunnel uses towards the workspace (undici's types omit it).
      new undici.EnvHttpProxyAgent({
        connect: tlsOptions,
        ...{ requestTls: tlsOptions },
        ...proxyVariables(env),
      }),
  );
  // Node's own fetch takes an undici dispatcher.
  return fetchWire((input, init) => fetch(input, { ...init, dispatcher } as RequestInit));
}

async function readCa(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CmlConfigError(`--ca-cert: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new CmlConfigError(`--ca-cert: ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  return text;
}

function proxyVariables(env: NodeJS.ProcessEnv) {
  const pick = (...names: string[]) => names.map((n) => env[n]).find(Boolean);
  const httpProxy = pick('http_proxy', 'HTTP_PROXY');
  const httpsProxy = pick('https_proxy', 'HTTPS_PROXY');
  const noProxy = pick('no_proxy', 'NO_PROXY');
  return {
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  };
}

/** Runs `make` with Node's "experimental" warning muted: stderr is for the user's errors. */
function quietly<T>(make: () => T): T {
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.includes('EnvHttpProxyAgent is experimental')) return;
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return make();
  } finally {
    process.emitWarning = original;
  }
}

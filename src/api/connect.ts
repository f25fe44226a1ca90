import { createTransport, maskSecret, type Transport, type TransportOptions } from '../client/index.js';
import { type ApiSpec, loadSpec, MAX_SPEC_BYTES } from '../spec/index.js';
import { type Api, type ApiOptions, createApi } from './create-api.js';
import { ResultSources } from './result-sources.js';
import { addWaitMethods, defineWait, type WaitDefaults } from './wait-method.js';

export interface ConnectOptions extends Omit<TransportOptions, 'baseUrl'> {
  /** Normalised workspace URL (client/normaliseHost). */
  readonly host: string;
  /** `--spec` file or URL. */
  readonly spec?: string | undefined;
  /** Use this spec as is (tests, --demo) instead of loading one. */
  readonly loadedSpec?: ApiSpec | undefined;
  /** XDG cache folder for workspace specs. */
  readonly cacheDir?: string | undefined;
  /** Fetch the workspace's spec even when the cached one is young (`--refresh-spec`). */
  readonly refreshSpec?: boolean | undefined;
  readonly onWarning?: ((message: string) => void) | undefined;
  /** Throw, rather than fall back to another spec, when the workspace does not answer. */
  readonly failIfUnreachable?: boolean | undefined;
  readonly defaultSignal?: ApiOptions['defaultSignal'];
  readonly onResult?: ApiOptions['onResult'];
  readonly help?: ApiOptions['help'];
  readonly plainResults?: ApiOptions['plainResults'];
  /** Told how every `api.wait` is getting on, unless the wait has its own `onProgress`. */
  readonly onWaitProgress?: WaitDefaults['onProgress'];
}

export interface Connection {
  readonly api: Api;
  readonly spec: ApiSpec;
  readonly transport: Transport;
}

/** Spec, transport and api in one step: what the REPL, the CLI and tests start from. */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const transport = createTransport({ ...options, baseUrl: options.host });
  const spec =
    options.loadedSpec ??
    (await loadSpec({
      host: options.host,
      spec: options.spec,
      cacheDir: options.cacheDir,
      refresh: options.refreshSpec,
      fetchJson: (url) => transport.getJson(url, { maxResponseBytes: MAX_SPEC_BYTES }),
      onWarning: options.onWarning,
      failIfUnreachable: options.failIfUnreachable,
    }));
  const sources = new ResultSources();
  const api = createApi({
    spec,
    transport,
    defaultSignal: options.defaultSignal,
    onResult: (op, args, data) => {
      // Answers that are only printed (`cmlsh call`) are never waited on item by item:
      // remembering 30,000 items and giving each a .wait() cost more than printing them.
      if (!options.plainResults) {
        sources.record(op, args, data);
        addWaitMethods(api, spec, op, data);
      }
      options.onResult?.(op, args, data);
    },
    help: options.help,
    plainResults: options.plainResults,
    maskedToken: options.token ? maskSecret(options.token) : undefined,
    isToken: (candidate) => candidate === options.token,
  });
  defineWait(api, spec, sources, {
    defaultSignal: options.defaultSignal,
    onProgress: options.onWaitProgress,
  });
  return { api, spec, transport };
}

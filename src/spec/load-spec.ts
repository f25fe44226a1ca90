import { readFile } from 'node:fs/promises';
import { CmlSpecError, describeError, isCmlError } from '../errors/index.js';
import { builtinSwagger } from './builtin/index.js';
import { normaliseSpec } from './normalise.js';
import { SpecCache } from './spec-cache.js';
import type { ApiSpec } from './types.js';

/** Fetches a URL and returns its parsed JSON; the caller's transport (auth, TLS, proxy). */
export type FetchJson = (url: string) => Promise<unknown>;

export interface LoadSpecOptions {
  /** Workspace base URL: the spec is fetched from `{host}/api/v2/swagger.json` and cached. */
  readonly host?: string | undefined;
  /** `--spec`: a file path or an http(s) URL; wins over the workspace's own. */
  readonly spec?: string | undefined;
  /** How to GET JSON over HTTP. Needed for `host` and URL specs. */
  readonly fetchJson?: FetchJson | undefined;
  /** Cache folder (XDG cache); no caching without it. */
  readonly cacheDir?: string | undefined;
  /** Use a cached workspace spec younger than this without asking the workspace (a day). */
  readonly maxAgeMs?: number | undefined;
  /** `--refresh-spec`, `.reload`: ask the workspace even when the cached spec is young. */
  readonly refresh?: boolean | undefined;
  /** Told when a source failed and another was used instead. */
  readonly onWarning?: ((message: string) => void) | undefined;
  /**
   * One-shot commands: when the workspace cannot be reached and no cached spec exists,
   * throw that error rather than fall back, since the call that follows would fail anyway.
   */
  readonly failIfUnreachable?: boolean | undefined;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Loads the API description, best source first: `--spec`, then the workspace (through a
 * fresh on-disk cache), then a stale cache, then cmlsh's own builtin description.
 * A source that fails is reported through `onWarning` and the next one is tried, so the
 * shell always starts. @throws CmlSpecError only for `--spec` given alone with no fallback.
 */
export async function loadSpec(options: LoadSpecOptions = {}): Promise<ApiSpec> {
  const warn = options.onWarning ?? (() => {});
  if (options.spec) {
    try {
      return await loadExplicit(options.spec, options.fetchJson);
    } catch (error) {
      warn(
        `${describeError(error)}; using ${options.host ? 'the workspace spec' : 'the builtin spec'} instead`,
      );
    }
  }
  if (options.host) {
    const spec = await loadFromWorkspace(options.host, options, warn);
    if (spec) return spec;
  }
  return builtinSpec();
}

/** cmlsh's own concise description of the core resources, for offline use and `--demo`. */
export function builtinSpec(): ApiSpec {
  return normaliseSpec(builtinSwagger(), 'builtin');
}

/** Reads a spec from a path or URL. @throws CmlSpecError with the reason. */
export async function loadExplicit(source: string, fetchJson?: FetchJson): Promise<ApiSpec> {
  return normaliseSpec(await readSpecDocument(source, fetchJson), source);
}

/**
 * Reads a spec document as it is, from a path or an http(s) URL (with `fetchJson`, else a
 * plain fetch that sends no credentials): the emulator serves it raw, `normaliseSpec` reads it.
 * @throws CmlSpecError when it cannot be read or is not JSON.
 */
export async function readSpecDocument(
  source: string,
  fetchJson: FetchJson = plainFetchJson,
): Promise<unknown> {
  if (/^https?:\/\//i.test(source)) return wrap(source, () => fetchJson(source));
  const text = await wrap(source, () => readFile(source, 'utf8'));
  return parseJson(text, source);
}

async function plainFetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return parseJson(await response.text(), url);
}

async function loadFromWorkspace(
  host: string,
  options: LoadSpecOptions,
  warn: (message: string) => void,
): Promise<ApiSpec | undefined> {
  const cache = options.cacheDir ? new SpecCache(options.cacheDir) : undefined;
  const maxAge = options.maxAgeMs ?? DAY;
  const young = (fetchedAt: number) => !options.refresh && Date.now() - fetchedAt < maxAge;
  // The prompt's path: the normalised spec as this cmlsh wrote it, no raw document read.
  const normalised = await cache?.readNormalised(host);
  if (normalised && young(normalised.fetchedAt)) return normalised.spec;
  const cached = await cache?.read(host);
  if (cached && young(cached.fetchedAt)) {
    const spec = tryNormalise(cached.document, 'cache', warn);
    if (spec) {
      // Another cmlsh normalised it before (or nothing did): keep this one's for next time.
      await cache?.writeNormalised(host, cached.version, cached.fetchedAt, spec).catch(() => undefined);
      return spec;
    }
  }
  if (options.fetchJson) {
    const url = `${host.replace(/\/+$/, '')}/api/v2/swagger.json`;
    try {
      const document = await options.fetchJson(url);
      // Normalised before caching: a spec that fails to build is never cached.
      const spec = normaliseSpec(document, 'workspace');
      if (cached && cached.version !== spec.version) {
        warn(`The workspace's API spec changed from ${cached.version} to ${spec.version}; using the new one`);
      }
      await cache?.write(host, spec.version, document, spec).catch((error: unknown) => {
        warn(`Could not cache the spec: ${describeError(error)}`);
      });
      return spec;
    } catch (error) {
      if (options.failIfUnreachable && !cached && isCmlError(error) && error.name === 'CmlNetworkError')
        throw error;
      warn(`Could not load the workspace spec from ${url}: ${describeError(error)}`);
    }
  }
  if (cached) {
    const spec = normalised?.spec ?? tryNormalise(cached.document, 'cache', warn);
    if (spec) {
      warn(`Using the cached spec ${spec.version} from ${new Date(cached.fetchedAt).toISOString()}`);
      return spec;
    }
  }
  warn('Using the builtin spec of the core resources: some operations of your workspace may be missing');
  return undefined;
}

function tryNormalise(
  document: unknown,
  source: string,
  warn: (message: string) => void,
): ApiSpec | undefined {
  try {
    return normaliseSpec(document, source);
  } catch (error) {
    warn(describeError(error));
    return undefined;
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CmlSpecError(`The spec ${source} is not valid JSON: ${(error as Error).message}`, source);
  }
}

async function wrap<T>(source: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CmlSpecError) throw error;
    throw new CmlSpecError(`Cannot read the spec ${source}: ${describeError(error)}`, source, {
      cause: error,
    });
  }
}

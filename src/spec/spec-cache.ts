import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { VERSION } from '../util/version.js';
import { packSpec, unpackSpec } from './compact-spec.js';
import type { ApiSpec } from './types.js';

/** What the cache keeps per host: the raw document and when it was fetched. */
export interface CachedSpec {
  readonly host: string;
  readonly version: string;
  readonly fetchedAt: number;
  readonly document: unknown;
}

/**
 * Bumped when the shape of `ApiSpec` or of its file (compact-spec.ts) changes within one
 * cmlsh version (development). The stamp's `cmlsh` is the version that normalised it
 * (another may normalise differently), its `fetchedAt` the raw document's (a newer fetch of
 * the raw spec makes this one stale).
 */
const NORMALISED_FORMAT = 3;

/** Folder-safe name of a host URL: https://ml-x.example.site -> ml-x.example.site */
export function hostSlug(host: string): string {
  return host
    .replace(/^https?:\/\//, '')
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 120);
}

/**
 * Specs cached on disk per host and per spec version: `<cache>/specs/<host>/<version>.json`
 * holds the raw document, `<version>.normalised` the normalised one (operations, resource
 * graph, definitions) for start-up, and `current.json` names the version last seen, so a
 * workspace upgrade is a new file rather than an overwrite.
 */
export class SpecCache {
  constructor(
    private readonly dir: string,
    private readonly cmlshVersion: string = VERSION,
  ) {}

  async read(host: string): Promise<CachedSpec | undefined> {
    try {
      const pointer = this.pointer(host);
      if (!pointer) return undefined;
      const cached = JSON.parse(readText(this.versionPath(host, pointer.version))) as CachedSpec;
      return cached && typeof cached === 'object' && 'document' in cached ? cached : undefined;
    } catch {
      // A missing or damaged cache is only a cache miss.
      return undefined;
    }
  }

  /**
   * The normalised spec of the version last seen, when this cmlsh wrote it from that very
   * fetch of the raw document; undefined otherwise (then normalise `read()`'s document).
   */
  async readNormalised(host: string): Promise<{ spec: ApiSpec; fetchedAt: number } | undefined> {
    try {
      const pointer = this.pointer(host);
      if (!pointer) return undefined;
      const path = this.normalisedPath(host, pointer.version);
      const entry = unpackSpec(readFileSync(path), 'cache', path, () => rmSync(path, { force: true }));
      const fresh =
        entry?.stamp.format === NORMALISED_FORMAT &&
        entry.stamp.cmlsh === this.cmlshVersion &&
        entry.stamp.fetchedAt === pointer.fetchedAt;
      return fresh ? { spec: entry.spec, fetchedAt: pointer.fetchedAt } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Caches a fetched document, and its normalised spec when given; both or neither are current. */
  async write(host: string, version: string, document: unknown, spec?: ApiSpec): Promise<void> {
    const entry: CachedSpec = { host, version, fetchedAt: Date.now(), document };
    await writeFileAtomic(this.versionPath(host, version), JSON.stringify(entry));
    if (spec) await this.writeNormalised(host, version, entry.fetchedAt, spec);
    await writeFileAtomic(this.pointerPath(host), JSON.stringify({ version, fetchedAt: entry.fetchedAt }));
  }

  /** Keeps the normalised form of the raw document fetched at `fetchedAt`. */
  async writeNormalised(host: string, version: string, fetchedAt: number, spec: ApiSpec): Promise<void> {
    const stamp = { format: NORMALISED_FORMAT, cmlsh: this.cmlshVersion, fetchedAt };
    await writeFileAtomic(this.normalisedPath(host, version), packSpec(spec, stamp));
  }

  private pointer(host: string): { version: string; fetchedAt: number } | undefined {
    const pointer = JSON.parse(readText(this.pointerPath(host))) as {
      version?: unknown;
      fetchedAt?: unknown;
    };
    if (typeof pointer.version !== 'string') return undefined;
    return {
      version: pointer.version,
      fetchedAt: typeof pointer.fetchedAt === 'number' ? pointer.fetchedAt : 0,
    };
  }

  private hostDir(host: string): string {
    return join(this.dir, 'specs', hostSlug(host));
  }

  private pointerPath(host: string): string {
    return join(this.hostDir(host), 'current.json');
  }

  private versionPath(host: string, version: string): string {
    return join(this.hostDir(host), `${fileName(version)}.json`);
  }

  private normalisedPath(host: string, version: string): string {
    return join(this.hostDir(host), `${fileName(version)}.normalised`);
  }
}

/**
 * A cache file read at once: these reads are on the way to the prompt, where a read through
 * the thread pool waits for its turn (two of them cost start-up about 1.5 ms) and nothing
 * else is running to be held up by a read of half a megabyte.
 */
function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

function fileName(version: string): string {
  return version.replace(/[^\w.-]+/g, '_');
}

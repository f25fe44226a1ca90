import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';

/** What the cache keeps per host: the raw document and when it was fetched. */
export interface CachedSpec {
  readonly host: string;
  readonly version: string;
  readonly fetchedAt: number;
  readonly document: unknown;
}

/** Folder-safe name of a host URL: https://ml-x.example.site -> ml-x.example.site */
export function hostSlug(host: string): string {
  return host
    .replace(/^https?:\/\//, '')
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 120);
}

/**
 * Specs cached on disk per host and per spec version: `<cache>/specs/<host>/<version>.json`,
 * with `current.json` naming the version last seen, so a workspace upgrade is a new file
 * rather than an overwrite.
 */
export class SpecCache {
  constructor(private readonly dir: string) {}

  async read(host: string): Promise<CachedSpec | undefined> {
    try {
      const pointer = JSON.parse(await readFile(this.pointerPath(host), 'utf8')) as { version?: unknown };
      if (typeof pointer.version !== 'string') return undefined;
      const cached = JSON.parse(
        await readFile(this.versionPath(host, pointer.version), 'utf8'),
      ) as CachedSpec;
      return cached && typeof cached === 'object' && 'document' in cached ? cached : undefined;
    } catch {
      // A missing or damaged cache is only a cache miss.
      return undefined;
    }
  }

  async write(host: string, version: string, document: unknown): Promise<void> {
    const entry: CachedSpec = { host, version, fetchedAt: Date.now(), document };
    await writeFileAtomic(this.versionPath(host, version), JSON.stringify(entry));
    await writeFileAtomic(this.pointerPath(host), JSON.stringify({ version, fetchedAt: entry.fetchedAt }));
  }

  private hostDir(host: string): string {
    return join(this.dir, 'specs', hostSlug(host));
  }

  private pointerPath(host: string): string {
    return join(this.hostDir(host), 'current.json');
  }

  private versionPath(host: string, version: string): string {
    return join(this.hostDir(host), `${version.replace(/[^\w.-]+/g, '_')}.json`);
  }
}

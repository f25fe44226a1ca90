import { OperationIndex } from '../api/resolve-operation.js';
import { readProfiles } from '../auth/index.js';
import { normaliseHost } from '../client/host.js';
import {
  type ApiSpec,
  builtinSpec,
  loadExplicit,
  normaliseSpec,
  type Operation,
  SpecCache,
} from '../spec/index.js';
import { cmlshDirs } from '../util/xdg.js';
import type { TypedFlags } from './complete.js';

/**
 * Operation names for Tab, from the offline spec; snake_case names when the word being
 * completed has an underscore.
 */
export async function operationNames(typed: TypedFlags, current: string): Promise<string[]> {
  const spec = await offlineSpec(typed);
  return spec.operations.map((op) => (current.includes('_') ? op.pythonName : op.name));
}

/**
 * The spec a command line speaks of, without the network: the `--spec` file when one is
 * typed, else the cached spec of the workspace at hand (`--host`, CML_HOST or the
 * profile), else the builtin spec. What Tab and `call OP --help` read.
 */
export async function offlineSpec(typed: TypedFlags): Promise<ApiSpec> {
  return (await typedSpec(typed)) ?? (await cachedSpec(typed)) ?? builtinSpec();
}

/** The operation named by `name` in the offline spec, when there is one. */
export async function offlineOperation(typed: TypedFlags, name: string): Promise<Operation | undefined> {
  return new OperationIndex((await offlineSpec(typed)).operations).find(name);
}

async function typedSpec(typed: TypedFlags): Promise<ApiSpec | undefined> {
  const source = typed.get('spec');
  if (!source || /^https?:/i.test(source)) return undefined;
  return loadExplicit(source).catch(() => undefined);
}

async function cachedSpec(typed: TypedFlags): Promise<ApiSpec | undefined> {
  try {
    let host = typed.get('host') ?? process.env.CML_HOST;
    if (!host) {
      const config = await readProfiles();
      const profile = typed.get('profile') ?? config.defaultProfile;
      host = profile ? config.profiles[profile]?.host : undefined;
    }
    if (!host) return undefined;
    const cache = new SpecCache(cmlshDirs().cache);
    const normalised = await cache.readNormalised(normaliseHost(host));
    if (normalised) return normalised.spec;
    const cached = await cache.read(normaliseHost(host));
    return cached ? normaliseSpec(cached.document, 'cache') : undefined;
  } catch {
    // Completion never fails: a damaged config or cache falls back to the builtin spec.
    return undefined;
  }
}

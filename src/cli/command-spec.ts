import { connect } from '../api/index.js';
import { type ApiSpec, builtinSpec, loadExplicit } from '../spec/index.js';
import { hooks, resolveConnection, specFetchJson } from './connection.js';
import type { ConnectionArgs } from './options.js';

/**
 * The spec `ops` and `describe` read: `--spec` (a file needs no host or token at all),
 * else the workspace's own when credentials are at hand, else the builtin one.
 */
export async function commandSpec(args: ConnectionArgs): Promise<ApiSpec> {
  if (args.spec) {
    return loadExplicit(args.spec, await specFetchJson(args));
  }
  let resolved: Awaited<ReturnType<typeof resolveConnection>>;
  try {
    resolved = await resolveConnection(args);
  } catch {
    // Listing operations needs no workspace: without one, the builtin spec answers.
    return builtinSpec();
  }
  const connection = await connect({ ...resolved.connect, ...hooks(args.verbose) });
  return connection.spec;
}

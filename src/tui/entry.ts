import { requestsSent } from '../api/index.js';
import { CI_VARIABLES } from '../util/ci-variables.js';
import type { BrowseOptions } from './browse.js';

let loading: Promise<typeof import('./browse.js')> | undefined;

/**
 * The browser's front door for the REPL and the CLI, which load it on demand. ink decides
 * once, when it is imported, from CI / CONTINUOUS_INTEGRATION, to draw only a final frame
 * (meant for build logs). The browser only ever runs on a terminal, where that would hide
 * it, so ink is imported from here with those variables masked, then they are restored.
 * (React's production build is chosen at build time: scripts/build.mjs defines NODE_ENV.)
 */
export async function browse(source: unknown, options?: BrowseOptions): Promise<unknown> {
  // `browse(api.listProjects())`: the call has just started. Loading the browser is tens of
  // milliseconds of this thread; done once the request is out, it overlaps the server's
  // answer instead of holding the request back.
  if (!loading) await requestsSent();
  loading ??= importInteractive();
  const { browse: run } = await loading;
  return run(source, options);
}

/**
 * Starts loading the browser (ink, React, yoga's wasm: about 100 ms), so that the browse()
 * that follows finds it loaded. Resolves once it has loaded or failed, never rejects: a
 * failure is forgotten, and the next browse() loads again and reports what went wrong.
 */
export function preloadBrowser(): Promise<void> {
  loading ??= importInteractive();
  const attempt = loading;
  return attempt.then(
    () => {},
    () => {
      if (loading === attempt) loading = undefined;
    },
  );
}

async function importInteractive(): Promise<typeof import('./browse.js')> {
  const saved = CI_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of CI_VARIABLES) delete process.env[name];
  try {
    return await import('./browse.js');
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}

export type { BrowseOptions };

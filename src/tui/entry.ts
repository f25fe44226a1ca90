import type { BrowseOptions } from './browse.js';

let loading: Promise<typeof import('./browse.js')> | undefined;

/**
 * The browser's front door for the REPL and the CLI, which load it on demand. Two things are
 * decided once, when ink and React are imported, from the environment: ink draws only a final
 * frame (meant for build logs) under CI / CONTINUOUS_INTEGRATION, which would hide a browser
 * that only ever runs on a terminal; and React picks its development build (slower, extra
 * checks, warnings on the screen) unless NODE_ENV is `production`. So they are imported from
 * here with CI masked and NODE_ENV set to production when nobody set it, then both restored.
 */
export async function browse(source: unknown, options?: BrowseOptions): Promise<unknown> {
  loading ??= importInteractive();
  const { browse: run } = await loading;
  return run(source, options);
}

async function importInteractive(): Promise<typeof import('./browse.js')> {
  const names = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
  const saved = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) delete process.env[name];
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV ??= 'production';
  try {
    return await import('./browse.js');
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
  }
}

export type { BrowseOptions };

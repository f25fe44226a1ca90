import { render } from 'ink';
import type { ApiSpec } from '../spec/index.js';
import { Browser } from './Browser.js';
import { toFeed } from './feed.js';

/** Where and how `browse()` draws. */
export interface BrowseOptions {
  /** Defaults to process.stdin; must be a TTY for keys to work. */
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** The spec, for choosing columns from the item schema; without it columns come from the rows. */
  spec?: ApiSpec;
  /** Header title instead of the operation name. */
  title?: string;
  /** Folder relative export paths are written to (default: the current directory). */
  exportDir?: string;
}

/**
 * Renders the browser and resolves when the user leaves (q, or Ctrl+C which also aborts page
 * loads): with the rows marked with Space, else the row open in the detail view, else
 * undefined. `source` may be a Page, a pending call (Promise of a Page), an async iterable of
 * Pages (`api.listX.pages()`), an array, or any value (shown as a JSON tree).
 * Resolves only after ink has unmounted, so raw mode is off and stdin is left as found.
 */
export async function browse(source: unknown, options: BrowseOptions = {}): Promise<unknown> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const feed = toFeed(source);
  let result: unknown;
  let resolveExit: () => void = () => {};
  const exited = new Promise<void>((resolve) => {
    resolveExit = resolve;
  });
  const instance = render(
    <Browser
      feed={feed}
      spec={options.spec}
      title={options.title}
      exportDir={options.exportDir}
      onExit={(value) => {
        result = value;
        resolveExit();
      }}
    />,
    { stdin, stdout, exitOnCtrlC: false, patchConsole: false },
  );
  await exited;
  instance.unmount();
  await instance.waitUntilExit();
  return result;
}

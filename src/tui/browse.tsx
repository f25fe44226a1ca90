import { render } from 'ink';
import type { Api } from '../api/create-api.js';
import { CmlError, CmlUsageError, describeError } from '../errors/index.js';
import type { ApiSpec } from '../spec/index.js';
import { Browser } from './Browser.js';
import { openFeed } from './feed.js';

/** Where and how `browse()` draws. */
export interface BrowseOptions {
  /** Defaults to process.stdin; must be a TTY for keys to work. */
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** The spec, for choosing columns from the item schema; without it columns come from the rows. */
  spec?: ApiSpec;
  /**
   * The api the source came from. With it the browser can follow the data: `g` and Enter on
   * a field like `project_id` open related resources and collections, `S` re-runs the list
   * with the filter as `search_filter`, `R`/`w` refresh, `:` runs the item's custom verbs,
   * and copied code names its base URL. The spec then defaults to the api's own.
   */
  api?: Api;
  /** Header title instead of the operation name. */
  title?: string;
  /** Folder relative export paths are written to (default: the current directory). */
  exportDir?: string;
}

/**
 * Renders the browser and resolves when the user leaves (q, or Ctrl+C which also aborts page
 * loads): with the rows marked with Space, else the row open in the detail view, else
 * undefined. `source` may be a Page, a pending call (Promise of a Page or of one item), an
 * async iterable of Pages (`api.listX.pages()`), an array, or any value (shown as a JSON tree).
 * A pending call is awaited first: one that fails rejects with its error, and nothing is drawn.
 * Resolves only after ink has unmounted and stdin is back as it was found (raw mode, ref).
 * @throws CmlUsageError when there is nothing to show, or stdin is not a terminal.
 * @throws CmlError when the browser itself fails; the terminal is given back first.
 */
export async function browse(source: unknown, options: BrowseOptions = {}): Promise<unknown> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  // `browse()` with nothing would open a screen showing only "null".
  if (source === undefined) {
    throw new CmlUsageError(
      'browse() needs something to show: a call, a page or a value, e.g. browse(api.listProjects()) or browse(_)',
    );
  }
  if (!stdin.isTTY) {
    throw new CmlUsageError('browse() needs an interactive terminal; print the value or export it instead.');
  }
  const feed = await openFeed(source);
  const before = {
    raw: stdin.isRaw,
    used: stdin.listenerCount('data') + stdin.listenerCount('keypress') > 0,
  };
  let outcome: { value: unknown } | { error: unknown } | undefined;
  let settle: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const end = (result: { value: unknown } | { error: unknown }) => {
    outcome ??= result;
    settle();
  };
  const instance = render(
    <Browser
      feed={feed}
      spec={options.spec}
      api={options.api}
      title={options.title}
      exportDir={options.exportDir}
      onExit={(value) => end({ value })}
      onCrash={(error) => end({ error })}
    />,
    { stdin, stdout, exitOnCtrlC: false, patchConsole: false },
  );
  // ink ends the app itself on an error it catches; that is a crash too, never a quiet exit.
  instance.waitUntilExit().then(
    () => end({ value: undefined }),
    (error: unknown) => end({ error }),
  );
  await ended;
  instance.unmount();
  await instance.waitUntilExit().catch(() => {});
  // ink turns raw mode off and unrefs stdin when it lets go; a REPL that owned the terminal
  // before needs both back, or its line editing breaks and the process may exit when idle.
  if (before.raw && !stdin.isRaw) stdin.setRawMode(true);
  if (before.used) stdin.ref();
  if (outcome && 'error' in outcome) {
    throw new CmlError(`the browser stopped on an error: ${describeError(outcome.error)}`);
  }
  return outcome?.value;
}

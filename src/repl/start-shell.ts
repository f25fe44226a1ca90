import { join } from 'node:path';
import type { REPLEval, REPLServer } from 'node:repl';
import { inspect } from 'node:util';
import {
  API_META,
  type Api,
  type ConnectOptions,
  connect,
  createCmlapi,
  explainNotAFunction,
  isPage,
  type Page,
} from '../api/index.js';
import { formatTransportEvent } from '../client/index.js';
import { CmlUsageError } from '../errors/index.js';
import { colourEnabled, safeText } from '../present/index.js';
import type { ApiSpec } from '../spec/index.js';
import { cmlshDirs } from '../util/xdg.js';
import { AbovePrompt } from './above-prompt.js';
import { bannerText, identityLines, whoAmI } from './banner.js';
import { BrowserPreload, loadBrowser } from './browser-preload.js';
import type { LastCall } from './code-command.js';
import { defineCommands } from './commands.js';
import { completeLine, completionContext } from './completion.js';
import { describeReplError, installErrorDisplay } from './error-display.js';
import { formatResult } from './format-result.js';
import { setupPrivateHistory } from './history.js';
import { IdPrefetch } from './id-prefetch.js';
import { IdSources } from './id-source.js';
import { PacedInput } from './paced-input.js';
import { ProgressLine } from './progress-line.js';
import { defaultRcFile, loadRcFile } from './rc-file.js';
import {
  AWAIT_CALL_GLOBAL,
  awaitApiCall,
  HINT_GLOBAL,
  NEXT_PAGE_GLOBAL,
  rewriteLine,
} from './rewrite-line.js';
import { defineSaveCommand } from './save-command.js';
import { redactSecrets } from './secrets.js';
import { SeenIds } from './seen-ids.js';
import type { ShellOptions } from './shell-options.js';
import { withTerminal } from './terminal-handoff.js';

/** A background list call for completion gives up after this long. */
const PREFETCH_TIMEOUT_MS = 10_000;

type Completer = (line: string, callback: (error: Error | null, result?: [string[], string]) => void) => void;

/**
 * Starts the interactive shell: connects, prints a banner, and runs Node's REPL (default
 * eval, so top-level await works) with `api`, `browse`, `it`, dot-commands, completion,
 * tables, one-line errors, Ctrl+C cancellation and private history.
 *
 * @returns a promise that resolves when the REPL closes (.exit, Ctrl+D, Ctrl+C twice).
 * @throws what `connect` throws (spec or configuration problems) before any prompt.
 */
export async function startShell(options: ShellOptions): Promise<void> {
  // Loaded here, not at import: the workspace commands share one module, and `cmlsh call`
  // would otherwise load Node's REPL (with its parser and domains) for nothing, ~7 ms.
  const nodeRepl = import('node:repl');
  const source = options.input ?? process.stdin;
  // From a pipe, lines go to the REPL one at a time, each after the last one finished.
  const paced = (source as { isTTY?: boolean }).isTTY ? undefined : new PacedInput(source);
  const input = paced?.stream ?? source;
  const output = options.output ?? process.stdout;
  const verbose = Boolean(options.verbose);
  const secrets = [...(options.secrets ?? []), ...(options.connect.token ? [options.connect.token] : [])];
  // Once the prompt is up, what the shell says goes above it.
  let above: AbovePrompt | undefined;
  const say = (text: string) => {
    const line = safeText(redactSecrets(text, secrets));
    if (above) above.write(line);
    else output.write(`${line}\n`);
  };

  const width = () => (output as { columns?: number }).columns ?? 120;
  // A fresh controller per evaluation: Ctrl+C aborts what the current line started.
  let controller = new AbortController();
  let seen: SeenIds | undefined;
  let lastCall: LastCall | undefined;
  // The arguments objects of completion's own calls: they fill `seen` but are nobody's `.code`.
  const background = new WeakSet<object>();
  const tty = Boolean((output as { isTTY?: boolean }).isTTY);
  const progress = new ProgressLine({
    output,
    tty,
    colors: colourEnabled(output),
    atPrompt: () => above?.promptShown ?? false,
    aside: (text) => above?.write(text),
  });
  const connectOptions: ConnectOptions = {
    ...options.connect,
    onWaitProgress: progress.update,
    onWarning: options.connect.onWarning ?? ((message) => say(`warning: ${message}`)),
    onEvent: options.connect.onEvent ?? (verbose ? (event) => say(formatTransportEvent(event)) : undefined),
    defaultSignal: () => controller.signal,
    help: () => ({ width: width(), seen: (name) => seen?.get(name)[0] }),
    onResult: (op, args, data) => {
      seen?.record(op, args, data);
      if (!background.has(args)) lastCall = { operation: op, args };
    },
  };
  // `let`: `.reload` replaces both, and every closure below reads the current ones.
  let { api, spec } = await connect(connectOptions);
  // Who the key belongs to is asked once the prompt is up: the prompt does not wait for
  // the network, and the answer is written above it when it comes (AbovePrompt). With no
  // one typing (stdin piped), the banner waits for it instead: there is no prompt to keep
  // free, and a line written above a prompt that has already been answered lands among
  // the results.
  const known = !paced ? undefined : await whoAmI(api, { onArgs: (args) => background.add(args) });
  const banner = bannerText({ host: api[API_META].baseUrl, spec, profile: options.profile, width: width() });
  output.write(`${banner}\n${known ? redactSecrets(identityLines(known), secrets) : ''}`);

  const explain = (error: unknown) => explainNotAFunction(error, api);
  let json = false;
  let lastPage: Page | undefined;
  let errorsReplaced = false;
  const writer = (value: unknown): string => {
    if (!errorsReplaced && value instanceof Error) return describeReplError(value, verbose, explain);
    if (isPage(value)) lastPage = value;
    try {
      return redactSecrets(
        formatResult(value, { json, colors: colourEnabled(output), width: width(), spec }),
        secrets,
      );
    } catch {
      return redactSecrets(inspect(value), secrets);
    }
  };

  const repl = (await nodeRepl).start({
    prompt: `cml:${options.label}> `,
    input,
    output,
    useColors: colourEnabled(output),
    breakEvalOnSigint: true,
    ignoreUndefined: true,
    // Node's inline preview evaluates as you type; a shell over a remote API keeps key
    // presses free of evaluation (and the preview of a method is a wall of spec text).
    preview: false,
    writer,
  });
  // The prompt is on the screen; keys typed from now on wait in the terminal until history
  // is loaded: a line read before would be left out of it, and a `.exit` read before would
  // close the REPL while its history is still being set up.
  repl.pause();
  above = new AbovePrompt(repl);
  // Built after the prompt is drawn: nothing has been called yet to record.
  const ids = new SeenIds(spec);
  seen = ids;
  // Aborted when the shell closes, so an unanswered question does not keep the process alive.
  const session = new AbortController();
  repl.once('exit', () => session.abort());
  // Asked once input flows and no line is being evaluated: a line typed the moment the
  // prompt appeared goes first, not after the question's request and answer (~10 ms of
  // this thread, and the first answer of a session is the dearest to read).
  const askIdentity = () =>
    whoAmI(api, {
      signal: session.signal,
      // The banner's own key check is not the person's call, for `.code`.
      onArgs: (args) => background.add(args),
    }).then((who) => above?.write(redactSecrets(identityLines(who), secrets), 'next-prompt'));
  let identityWanted = !known;
  errorsReplaced = installErrorDisplay(repl, verbose, secrets, explain);
  // Only where browse() can draw: a piped shell never opens the browser.
  const preload = options.preloadBrowser && !paced ? new BrowserPreload(loadBrowser) : undefined;
  let prompted = false;
  let evaluating = false;
  let exited = false;
  const whenIdle = () =>
    setImmediate(() => {
      if (!prompted || evaluating || exited) return;
      if (identityWanted) {
        identityWanted = false;
        void askIdentity();
      }
      preload?.idle();
    });
  wrapEval(repl, {
    before: () => {
      controller = new AbortController();
      evaluating = true;
      preload?.busy();
    },
    ready: () => preload?.inFlight(),
    after: () => {
      evaluating = false;
      whenIdle();
    },
  });
  repl.on('SIGINT', () => controller.abort());
  const prefetch = new IdPrefetch(async ({ operation, args }) => {
    const method = api.withOptions({ signal: AbortSignal.timeout(PREFETCH_TIMEOUT_MS) })[operation.name];
    if (!method) return;
    const callArgs = { ...args };
    background.add(callArgs);
    await method(callArgs);
  });
  installCompleter(
    repl,
    () => api,
    () => spec,
    ids,
    prefetch,
    width,
  );
  defineGlobals(repl, api, spec, () => lastPage);
  // `.clear` gives the REPL a fresh context; put the shell's globals back into it.
  repl.on('reset', () => defineGlobals(repl, api, spec, () => lastPage));
  defineCommands(repl, {
    get spec() {
      return spec;
    },
    get operations() {
      return api[API_META].operations;
    },
    // A spec handed over as is (--demo) has nowhere to be fetched again from.
    reload: options.connect.loadedSpec
      ? undefined
      : async () => {
          const before = spec;
          ({ api, spec } = await connect({ ...connectOptions, refreshSpec: true }));
          defineGlobals(repl, api, spec, () => lastPage);
          return reloadedText(before, spec);
        },
    width,
    seen: (name) => ids.get(name)[0],
    lastCall: () => lastCall,
    baseUrl: api[API_META].baseUrl,
    toggleJson: () => {
      json = !json;
      return json;
    },
  });

  defineSaveCommand(repl, secrets);
  // After the globals, before input flows: what it defines is there for the first line typed.
  if (options.rcFile !== false) await loadRcFile(repl, options.rcFile ?? defaultRcFile(), say);
  const closed = new Promise<void>((resolve) => repl.once('exit', () => resolve()));
  const historyFile = options.historyFile ?? join(cmlshDirs().state, 'history');
  repl.once('exit', () => {
    exited = true;
  });
  const historyLost = (error: unknown) =>
    say(`History will not be kept: ${describeReplError(error, verbose)}`);
  await setupPrivateHistory(repl, historyFile, secrets, historyLost).catch(historyLost);
  if (!exited) repl.resume();
  above.release();
  paced?.attach(repl);
  prompted = true;
  // A turn of the event loop later than whenIdle alone: keys typed ahead are read (and their
  // line starts evaluating) before the shell looks for a quiet moment.
  setImmediate(whenIdle);
  // A key is the shell in use: the background load waits for the next quiet moment.
  if (preload)
    repl.input.on('data', () => {
      if (prompted && !evaluating && !exited) preload.idle();
    });
  return closed;
}

/** What the shell does around each evaluation. */
interface EvalHooks {
  /** Before it, at once: renews the Ctrl+C signal. */
  readonly before: () => void;
  /** What it waits for, if anything, before Node's eval runs (see BrowserPreload). */
  readonly ready: () => Promise<void> | undefined;
  /** Once it has answered. */
  readonly after: () => void;
}

/** Applies the shell's shorthands and its hooks around Node's own eval. */
function wrapEval(repl: REPLServer, hooks: EvalHooks): void {
  const nodeEval = repl.eval;
  const wrapped: REPLEval = function (this: REPLServer, code, context, file, callback) {
    hooks.before();
    const evaluate = () =>
      nodeEval.call(this, rewriteLine(code), context, file, (error, result) => {
        hooks.after();
        callback(error, result);
      });
    const wait = hooks.ready();
    if (wait) void wait.then(evaluate);
    else evaluate();
  };
  (repl as { eval: REPLEval }).eval = wrapped;
}

/**
 * Ours first (pure, no network); Node's for everything else, e.g. `process.` or locals.
 * When an id value has nothing seen to offer, one list call starts in the background
 * (throttled by `prefetch`) and the key press returns at once; a later Tab offers its ids.
 */
function installCompleter(
  repl: REPLServer,
  currentApi: () => Api,
  currentSpec: () => ApiSpec,
  ids: SeenIds,
  prefetch: IdPrefetch,
  columns: () => number,
): void {
  // Rebuilt only when `.reload` brought another spec.
  let builtFor: ApiSpec | undefined;
  let built: ReturnType<typeof completionFor> | undefined;
  const completionFor = (spec: ApiSpec) => {
    const operations = currentApi()[API_META].operations;
    const context = completionContext(spec, operations, (name) => ids.get(name), {
      label: (name, value) => ids.label(name, value),
      columns,
    });
    return { operations, context, sources: new IdSources(spec) };
  };
  const holder = repl as unknown as { completer: Completer };
  const nodeCompleter = holder.completer;
  holder.completer = function (this: REPLServer, line, callback) {
    let result: [string[], string] | undefined;
    let fetching = false;
    const spec = currentSpec();
    if (!built || builtFor !== spec) {
      built = completionFor(spec);
      builtFor = spec;
    }
    const { operations, context, sources } = built;
    try {
      result = completeLine(line, context);
      if (result && !result[0].length) {
        const source = sources.find(line, operations);
        if (source && !ids.get(source.param).length) fetching = prefetch.request(source);
      }
    } catch {
      result = undefined;
    }
    if (result?.[0].length) callback(null, result);
    else if (fetching) {
      // An id slot whose list call just started: say so once rather than show nothing
      // (or Node's globals), and leave the line as it is for the next Tab.
      callback(null, [[], line]);
      showHint(repl, FETCHING_HINT);
    } else nodeCompleter.call(this, line, callback);
  };
}

/** What `.reload` says: the spec now in use, and what changed. */
function reloadedText(before: ApiSpec, after: ApiSpec): string {
  const now = `spec ${after.version} (${after.operations.length} operations, from the ${after.source})`;
  if (before.version === after.version && before.operations.length === after.operations.length)
    return `Reloaded: ${now}, unchanged.`;
  return `Reloaded: ${now}; was ${before.version} (${before.operations.length} operations). api is rebuilt.`;
}

/** Shown under the prompt on the Tab that starts a background list call for ids. */
export const FETCHING_HINT = '(fetching ids…)';

/** A line under the one being edited, then the prompt and that line again, as readline lists completions. */
function showHint(repl: REPLServer, text: string): void {
  repl.output.write(`\r\n${text}\r\n`);
  repl.displayPrompt(true);
}

function defineGlobals(repl: REPLServer, api: Api, spec: ApiSpec, lastPage: () => Page | undefined): void {
  const define = (name: string, value: unknown, enumerable = true) =>
    Object.defineProperty(repl.context, name, { value, enumerable, writable: true, configurable: true });
  define('api', api);
  // What a line pasted from a Python notebook reaches for: cmlapi.CreateJobRequest(...), default_client().
  define('cmlapi', createCmlapi(api));
  define(AWAIT_CALL_GLOBAL, awaitApiCall, false);
  define(
    HINT_GLOBAL,
    (text: string) => {
      throw new CmlUsageError(text);
    },
    false,
  );
  define('browse', async (source: unknown) => {
    const tui = await import('../tui/entry.js');
    return withTerminal(repl, () =>
      tui.browse(source, {
        stdin: repl.input as NodeJS.ReadStream,
        stdout: repl.output as NodeJS.WriteStream,
        spec,
        // With the api the browser can follow the data: drill-down, server-side filters.
        api,
      }),
    );
  });
  define(
    NEXT_PAGE_GLOBAL,
    async () => {
      const page = lastPage();
      if (!page)
        throw new CmlUsageError('Nothing to continue: list something first, e.g. await api.listProjects()');
      if (!page.hasNextPage) throw new CmlUsageError('That was the last page.');
      return page.nextPage();
    },
    false,
  );
}

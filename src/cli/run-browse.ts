import { API_META, type ApiMethod, connect } from '../api/index.js';
import type { BrowseInvocation } from './browse-args.js';
import { hooks } from './connection.js';
import { withConnection } from './demo.js';
import { inFlagTerms } from './flag-terms.js';
import { paramsFromFlags } from './param-flags.js';
import { reportError } from './report-error.js';
import { type ControllingTerminal, requireTerminal } from './terminal.js';

/**
 * `cmlsh browse <operation>`, from yargs or from main.ts's fast path: the answer in the
 * full-screen browser. The picked item is printed on stdout as JSON; when stdin or stdout is
 * not a terminal (`> picked.json`), the browser reads and draws on the controlling terminal
 * instead. Errors are reported on stderr, setting the exit code.
 */
export async function runBrowseCommand({ args, paramFlags }: BrowseInvocation): Promise<void> {
  let terminal: ControllingTerminal | undefined;
  try {
    const stdio = process.stdin.isTTY && process.stdout.isTTY;
    // Found before connecting: without a screen to draw on, nothing else is worth doing.
    terminal = stdio ? undefined : requireTerminal(NO_TERMINAL);
    const screen = terminal;
    await withConnection(args, async (options) => {
      const { api, spec } = await connect({ ...options, ...hooks(args.verbose) });
      const op = api[API_META].operations.get(args.operation);
      const method = api[op.name] as ApiMethod;
      let callArgs: ReturnType<typeof paramsFromFlags>;
      try {
        callArgs = paramsFromFlags(op, paramFlags);
      } catch (error) {
        throw inFlagTerms(error, op, 'browse');
      }
      // The first page is asked for before the browser is loaded: browse() loads it (ink,
      // React, yoga: tens of milliseconds of this thread) once the request is on the wire,
      // while the server answers. It awaits the call itself; the rejection is handled here
      // too, so it is never unhandled meanwhile. A failed load is reported by browse().
      const answer = method(callArgs);
      answer.catch(() => {});
      const { browse } = await import('../tui/entry.js');
      let picked: unknown;
      try {
        picked = await browse(answer, {
          spec,
          api,
          ...(screen ? { stdin: screen.input, stdout: screen.output } : {}),
        });
      } catch (error) {
        // The call's own refusal (a required parameter missing) reaches here: told as flags too.
        throw inFlagTerms(error, op, 'browse');
      }
      if (picked !== undefined) process.stdout.write(`${JSON.stringify(picked, null, 2)}\n`);
    });
  } catch (error) {
    reportError(error, { verbose: args.verbose ?? false });
  } finally {
    terminal?.close();
  }
}

const NO_TERMINAL =
  'cmlsh browse needs a terminal to draw on, and there is none: use `cmlsh call` to print the answer instead';

import type { Api } from '../api/create-api.js';
import { describeError } from '../errors/index.js';
import { copyToClipboard } from './clipboard.js';
import { writeExport } from './export-file.js';
import { answerOf, raceAbort } from './feed.js';
import { HIGHLIGHT_MS } from './state/load.js';
import type { Answer, BrowserEvent, Command } from './state/types.js';

/** How often `w` refreshes the view on screen, in ms. */
export const WATCH_MS = 3000;

/** What the commands reach outside the reducer. */
export interface CommandContext {
  readonly api: Api | undefined;
  /** Writes to the terminal (OSC 52). */
  readonly write: (text: string) => void;
  readonly exportDir: string | undefined;
  readonly dispatch: (event: BrowserEvent) => void;
  readonly onExit: (value: unknown) => void;
}

/** Runs the reducer's commands; owns what is in flight per view (aborts, timers) so it can stop it. */
export interface CommandRunner {
  run(command: Command): void;
  /** Aborts every load and stops every timer (the browser closed). */
  dispose(): void;
}

export function createCommandRunner(context: CommandContext): CommandRunner {
  const { dispatch } = context;
  const inFlight = new Map<number, Set<AbortController>>();
  const timers = new Map<number, ReturnType<typeof setInterval>>();
  const pending = new Set<ReturnType<typeof setTimeout>>();

  /** Runs one load of a view: its answer or its failure comes back as an event. */
  const load = (view: number, id: number, work: (signal: AbortSignal) => Promise<Answer>) => {
    const controller = new AbortController();
    const set = inFlight.get(view) ?? new Set();
    set.add(controller);
    inFlight.set(view, set);
    work(controller.signal)
      .then(
        (value) => dispatch({ type: 'answered', view, load: id, answer: value }),
        (error: unknown) =>
          dispatch({
            type: 'failed',
            view,
            load: id,
            message: controller.signal.aborted ? undefined : describeError(error),
          }),
      )
      .finally(() => set.delete(controller));
  };

  const stopView = (view: number) => {
    for (const controller of inFlight.get(view) ?? []) controller.abort();
    inFlight.delete(view);
    const timer = timers.get(view);
    if (timer) clearInterval(timer);
    timers.delete(view);
  };

  return {
    run(command) {
      switch (command.type) {
        case 'fetch':
          return load(command.view, command.load, (signal) => command.fetch(signal));
        case 'call': {
          const { call } = command;
          const api = context.api;
          if (!api?.[call.operation.name]) {
            dispatch({
              type: 'failed',
              view: command.view,
              load: command.load,
              message: `this api has no ${call.operation.name}`,
            });
            return;
          }
          return load(command.view, command.load, async (signal) => {
            const method = api.withOptions({ signal })[call.operation.name];
            if (!method) throw new Error(`this api has no ${call.operation.name}`);
            return answerOf(await raceAbort(method({ ...call.args }), signal));
          });
        }
        case 'abort':
          return stopView(command.view);
        case 'copy':
          void copyToClipboard(command.text, context.write).then((failure) =>
            dispatch({ type: 'said', view: command.view, message: failure ?? command.what }),
          );
          return;
        case 'export':
          void writeExport(command, context.exportDir).then((outcome) =>
            dispatch(
              outcome.kind === 'exists'
                ? {
                    type: 'exists',
                    view: command.view,
                    path: outcome.path,
                    items: command.items,
                    columns: command.columns,
                  }
                : { type: 'said', view: command.view, message: outcome.message },
            ),
          );
          return;
        case 'watch': {
          const old = timers.get(command.view);
          if (old) clearInterval(old);
          timers.delete(command.view);
          if (command.on)
            timers.set(
              command.view,
              setInterval(() => dispatch({ type: 'tick', view: command.view }), WATCH_MS),
            );
          return;
        }
        case 'later': {
          const timer = setTimeout(() => {
            pending.delete(timer);
            dispatch(command.event);
          }, HIGHLIGHT_MS);
          pending.add(timer);
          return;
        }
        case 'exit':
          return context.onExit(command.value);
      }
    },
    dispose() {
      for (const view of [...inFlight.keys(), ...timers.keys()]) stopView(view);
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}

import { useInput, useStdout } from 'ink';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Api } from '../../api/create-api.js';
import type { Feed } from '../feed.js';
import { createCommandRunner } from '../run-command.js';
import type { InkKey } from '../state/keypress.js';
import { keypressesOf } from '../state/keypress.js';
import { initialState } from '../state/reducer.js';
import type { BrowserEnv, BrowserEvent, BrowserState } from '../state/types.js';
import { createBrowserStore } from '../store.js';

export interface BrowserSetup {
  readonly feed: Feed;
  readonly env: BrowserEnv;
  readonly api: Api | undefined;
  readonly exportDir: string | undefined;
  readonly onExit: (value: unknown) => void;
  readonly onCrash: (error: unknown) => void;
}

/**
 * The browser's one hook: makes the store, runs its commands (fetch, copy, export, timers)
 * and feeds it keys and resizes; returns the state to draw. Made once per browser: the
 * setup is read on mount only.
 */
export function useBrowser(setup: BrowserSetup): BrowserState {
  const { stdout, write } = useStdout();
  const [{ store, runner }] = useState(() => {
    const size = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
    let dispatch: (event: BrowserEvent) => void = () => {};
    const runner = createCommandRunner({
      api: setup.api,
      write,
      exportDir: setup.exportDir,
      dispatch: (event) => dispatch(event),
      onExit: setup.onExit,
    });
    const store = createBrowserStore(
      initialState(setup.env, setup.feed, size),
      (command) => runner.run(command),
      setup.onCrash,
    );
    dispatch = store.dispatch;
    return { store, runner };
  });
  useEffect(() => () => runner.dispose(), [runner]);
  useEffect(() => {
    const onResize = () =>
      store.dispatch({ type: 'resize', columns: stdout.columns || 80, rows: stdout.rows || 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, store]);
  const onInput = useCallback(
    (input: string, key: InkKey) =>
      store.dispatch(...keypressesOf(input, key).map((press) => ({ type: 'key' as const, key: press }))),
    [store],
  );
  useInput(onInput);
  return useSyncExternalStore(store.subscribe, store.getState);
}

import { render } from 'ink-testing-library';
import type { Api } from '../../src/api/index.js';
import { builtinSpec } from '../../src/spec/index.js';
import { Browser } from '../../src/tui/Browser.js';
import { openFeed } from '../../src/tui/feed.js';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  ctrlC: '\u0003',
} as const;

/** Polls until `check` passes (frames come asynchronously); fails with the last frame. */
export async function until(
  check: () => boolean,
  frame: () => string,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Renders the browser over `source` in ink-testing-library, with helpers to type and wait.
 * A pending call is awaited first, as `browse()` does.
 */
export async function renderBrowser(
  source: unknown,
  options: { exportDir?: string; withSpec?: boolean; api?: Api } = {},
) {
  let exited: { value: unknown } | undefined;
  let crashed: unknown;
  const feed = await openFeed(source);
  const view = render(
    <Browser
      feed={feed}
      // With an api the browser takes the api's own spec.
      spec={options.withSpec === false || options.api ? undefined : builtinSpec()}
      api={options.api}
      exportDir={options.exportDir}
      onExit={(value) => {
        exited = { value };
      }}
      onCrash={(error) => {
        crashed = error;
      }}
    />,
  );
  const frame = () => view.lastFrame() ?? '';
  return {
    ...view,
    frame,
    exited: () => exited,
    crashed: () => crashed,
    /** Waits until the frame contains `text`. */
    waitFor: (text: string | RegExp) =>
      until(
        () => (typeof text === 'string' ? frame().includes(text) : text.test(frame())),
        frame,
        String(text),
      ),
    /** Sends keys one at a time, letting ink handle each. */
    async press(...keys: string[]) {
      for (const key of keys) {
        view.stdin.write(key);
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async type(text: string) {
      for (const ch of text) await this.press(ch);
    },
  };
}

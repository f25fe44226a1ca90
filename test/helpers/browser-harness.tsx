import { performance } from 'node:perf_hooks';
import { render } from 'ink';
import type { ApiSpec } from '../../src/spec/index.js';
import { Browser } from '../../src/tui/Browser.js';
import { toFeed } from '../../src/tui/feed.js';
import { FakeStdin, FakeStdout } from './fake-tty.js';

/** Key sequences as a terminal sends them. */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
} as const;

export interface HarnessOptions {
  readonly columns?: number;
  readonly rows?: number;
  readonly spec?: ApiSpec;
}

/** A browser over fake terminal streams, for measuring key-to-frame time at any row count. */
export interface BrowserHarness {
  /** Sends one key; resolves with the ms until ink wrote the next frame (NaN if none in 2 s). */
  press(key: string): Promise<number>;
  /** The screen as last drawn, colours stripped. */
  lastFrame(): string;
  /** Changes the fake terminal's size, as a window resize does. */
  resize(columns: number, rows: number): void;
  /** Waits until the first frame is drawn. */
  ready(): Promise<void>;
  unmount(): Promise<void>;
}

/**
 * Renders the browser over `rows` (an array, a Page, anything `browse()` takes) into fake
 * streams, ink in debug mode so every render is written at once (no frame throttling).
 * Usage: `const h = createBrowserHarness(rows); await h.ready(); const ms = await h.press(KEYS.down);`
 */
export function createBrowserHarness(rows: unknown, options: HarnessOptions = {}): BrowserHarness {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(options.columns ?? 120, options.rows ?? 40);
  const instance = render(
    <Browser
      feed={toFeed(rows)}
      spec={options.spec}
      onExit={() => {}}
      onCrash={(error) => {
        throw error;
      }}
    />,
    {
      stdin: stdin as unknown as NodeJS.ReadStream,
      stdout: stdout as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const nextFrame = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        stdout.off('frame', onFrame);
        resolve(false);
      }, ms);
      const onFrame = () => {
        clearTimeout(timer);
        stdout.off('frame', onFrame);
        resolve(true);
      };
      stdout.on('frame', onFrame);
    });
  return {
    lastFrame: () => stdout.lastFrame(),
    resize: (columns, rows) => stdout.resize(columns, rows),
    async ready() {
      if (stdout.frames.length === 0) await nextFrame(5000);
    },
    async press(key) {
      const frame = nextFrame(2000);
      const start = performance.now();
      stdin.write(key);
      return (await frame) ? performance.now() - start : Number.NaN;
    },
    async unmount() {
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}

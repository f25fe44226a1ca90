/**
 * Figure 4: the result browser with 100,000 loaded rows, keypress to next frame, against
 * the same browser with 100 rows. Rendered with ink-testing-library (ink's debug mode: every
 * render is written at once, no 30 fps throttle); ↓ and ↑ alternate so each key changes the
 * frame. Prints its rows as JSON on the last stdout line.
 *
 * React must run its production build, as in the shipped bundle (scripts/build.mjs defines
 * NODE_ENV): bench/run.ts starts this file with NODE_ENV=production. It has to be in the
 * environment from the start: setting it here would come after the JSX runtime this file
 * imports had already loaded React's development build.
 */
import { render } from 'ink-testing-library';
import { Browser } from '../src/tui/Browser.js';
import { toFeed } from '../src/tui/feed.js';
import { quantile, ratioRow } from './stats.js';

if (process.env.NODE_ENV !== 'production') {
  throw new Error('run with NODE_ENV=production (npm run bench sets it): the bundle ships production React');
}

const presses = Number(process.env.BENCH_PRESSES ?? 300);
const DOWN = '\u001B[B';
const UP = '\u001B[A';

/** Rows shaped like CML projects (nested owner, timestamps), each a little different. */
function makeRows(count: number): unknown[] {
  const rows: unknown[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      id: `p${i.toString(36).padStart(6, '0')}`,
      name: `project-${i}`,
      owner: { username: `user${i % 97}`, email: `user${i % 97}@example.com` },
      description: `Project number ${i} of the benchmark`,
      visibility: i % 3 ? 'private' : 'public',
      created_at: new Date(1_700_000_000_000 + i * 60_000).toISOString(),
      updated_at: new Date(1_710_000_000_000 + i * 60_000).toISOString(),
      creation_status: 'success',
    });
  }
  return rows;
}

interface Mounted {
  press(key: string): Promise<number>;
  unmount(): void;
}

/** Mounts a browser over `count` rows; `press` resolves with ms from key to the next frame. */
async function mount(count: number): Promise<Mounted> {
  const view = render(
    <Browser
      feed={toFeed(makeRows(count))}
      onExit={() => {}}
      onCrash={(error) => {
        throw error;
      }}
    />,
  );
  let onFrame: (() => void) | undefined;
  const write = view.stdout.write;
  view.stdout.write = (frame: string) => {
    write(frame);
    onFrame?.();
  };
  const deadline = Date.now() + 10_000;
  while (!(view.lastFrame() ?? '').includes('project-0')) {
    if (Date.now() > deadline) throw new Error(`browser over ${count} rows never drew:\n${view.lastFrame()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    press(key) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no frame after a key press')), 5000);
        const start = performance.now();
        onFrame = () => {
          onFrame = undefined;
          clearTimeout(timer);
          resolve(performance.now() - start);
        };
        view.stdin.write(key);
      });
    },
    unmount: () => view.unmount(),
  };
}

const mountStart = performance.now();
const big = await mount(100_000);
const mountMs = performance.now() - mountStart;
const small = await mount(100);
const bigTimes: number[] = [];
const smallTimes: number[] = [];
for (let i = 0; i < presses; i++) {
  const key = i % 2 === 0 ? DOWN : UP;
  const a = await big.press(key);
  const b = await small.press(key);
  if (i >= 20) {
    bigTimes.push(a);
    smallTimes.push(b);
  }
}
big.unmount();
small.unmount();
const row = ratioRow({
  id: 'browser.keypress',
  figure: 'browser, 100k rows: key to frame',
  unit: 'ms',
  values: bigTimes,
  floorName: 'same, 100 rows',
  floorValues: smallTimes,
  // Issue #18: 100k loaded rows cost at most 1.2x of 100 rows per key, and a frame stays
  // under 16 ms.
  maxRatio: 1.2,
  extra: { p99: quantile(bigTimes, 0.99), floorP99: quantile(smallTimes, 0.99), mountMs },
});
const ok = row.ok === true && row.median < 16;
process.stdout.write(`${JSON.stringify([{ ...row, target: '<= 1.2x, median < 16 ms', ok }])}\n`);

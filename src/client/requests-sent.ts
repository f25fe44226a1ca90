/**
 * When the requests the transport has started are out on the wire. Work that only needs the
 * CPU (loading the browser: tens of milliseconds of one thread) waits for this first, so that
 * it runs while the server answers instead of holding the request back: the first row then
 * costs the longer of the two, not their sum. The wire says when it has written a request
 * (node-wire.ts); one that settles first (it failed to connect, or a fetch, which does not
 * tell) counts as out then.
 */
const unsent = new Set<symbol>();
/**
 * The longest it waits. It waits for every request in flight, not only the caller's: one
 * stuck in a slow connect would otherwise hold the work back until its deadline. Past this
 * the network is slow anyway, and the work overlaps the wait as well as it ever could.
 */
const MAX_WAIT_MS = 100;
let waiters: (() => void)[] = [];

function markSent(request: symbol): void {
  if (!unsent.delete(request) || unsent.size > 0) return;
  const ready = waiters;
  waiters = [];
  for (const resolve of ready) resolve();
}

/** Runs `sending` (one try of one request), counting it as unsent until it calls `onSent`. */
export function trackSend<T>(sending: (onSent: () => void) => Promise<T>): Promise<T> {
  const request = Symbol('request');
  unsent.add(request);
  const onSent = () => markSent(request);
  let running: Promise<T>;
  try {
    running = sending(onSent);
  } catch (error) {
    onSent();
    throw error;
  }
  return running.finally(onSent);
}

/**
 * Resolves once every request started so far, including those started by calls made just
 * before this one (their first steps run as microtasks: they are let run first), has been
 * written out or has settled, or after MAX_WAIT_MS. Never rejects.
 */
export async function requestsSent(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (unsent.size === 0) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, MAX_WAIT_MS).unref();
    waiters.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

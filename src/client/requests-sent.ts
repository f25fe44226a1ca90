import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/**
 * When the requests the transport has started are out on the wire. Work that only needs the
 * CPU (loading the browser: tens of milliseconds of one thread) waits for this first, so that
 * it runs while the server answers instead of holding the request back: the first row then
 * costs the longer of the two, not their sum. undici (Node's fetch, and the npm package
 * behind --ca-cert and proxies) says on its public `undici:client:sendHeaders` channel when
 * a request's headers have been written to its socket. A request whose fetch settles before
 * that was told (it failed to connect, or a fetch that tells nothing) counts as out then.
 */
const SENT_CHANNEL = 'undici:client:sendHeaders';

/** Requests started and not yet out, oldest first (a Set keeps insertion order). */
const unsent = new Set<symbol>();
let waiters: (() => void)[] = [];

function markSent(request: symbol): void {
  if (!unsent.delete(request) || unsent.size > 0) return;
  unsubscribe(SENT_CHANNEL, onHeadersSent);
  const ready = waiters;
  waiters = [];
  for (const resolve of ready) resolve();
}

// The channel names no request of ours: one message marks the oldest one out. A message
// from someone else's fetch may mark ours early; the worst that does is start the work sooner.
function onHeadersSent(): void {
  const oldest = unsent.values().next();
  if (!oldest.done) markSent(oldest.value);
}

/** Runs `fetching` (one try of one request), counting it as unsent until undici writes it. */
export function trackSend<T>(fetching: () => Promise<T>): Promise<T> {
  const request = Symbol('request');
  if (unsent.size === 0) subscribe(SENT_CHANNEL, onHeadersSent);
  unsent.add(request);
  let running: Promise<T>;
  try {
    running = fetching();
  } catch (error) {
    markSent(request);
    throw error;
  }
  return running.finally(() => markSent(request));
}

/**
 * Resolves once every request started so far, including those started by calls made just
 * before this one (their first steps run as microtasks: they are let run first), has been
 * written out or has settled. Never rejects.
 */
export async function requestsSent(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (unsent.size === 0) return;
  await new Promise<void>((resolve) => waiters.push(resolve));
}

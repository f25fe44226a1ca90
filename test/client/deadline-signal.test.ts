import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { deadlineSignal } from '../../src/client/deadline-signal.js';

describe('a request’s deadline signal', () => {
  it('aborts with the caller’s reason when the caller aborts', () => {
    const user = new AbortController();
    const { signal, dispose } = deadlineSignal(user.signal, 10_000);
    user.abort(new Error('Ctrl+C'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('Ctrl+C');
    dispose();
  });

  it('is aborted at once for a caller already aborted', () => {
    const { signal, dispose } = deadlineSignal(AbortSignal.abort('gone'), 10_000);
    expect([signal.aborted, signal.reason]).toEqual([true, 'gone']);
    dispose();
  });

  it('aborts as a timeout when the deadline passes', async () => {
    const { signal, dispose } = deadlineSignal(undefined, 20);
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    expect((signal.reason as DOMException).name).toBe('TimeoutError');
    dispose();
  });

  it('once disposed, holds nothing of the caller’s signal and never fires', async () => {
    const user = new AbortController();
    const requests = Array.from({ length: 300 }, () => deadlineSignal(user.signal, 30));
    expect(getEventListeners(user.signal, 'abort')).toHaveLength(300);
    for (const request of requests) request.dispose();
    expect(getEventListeners(user.signal, 'abort')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    user.abort();
    expect(requests.some((request) => request.signal.aborted)).toBe(false);
  });
});

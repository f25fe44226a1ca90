import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserPreload } from '../../src/repl/browser-preload.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the background load of the browser waits for a quiet shell', () => {
  it('starts once the shell has been idle for the quiet time, and only once', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => {});
    const preload = new BrowserPreload(load, 150);
    preload.idle();
    await vi.advanceTimersByTimeAsync(149);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(1);
    preload.idle();
    await vi.advanceTimersByTimeAsync(1000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('each key starts the wait again, and a line being evaluated stops it until the shell is idle again', async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => {});
    const preload = new BrowserPreload(load, 150);
    preload.idle();
    // Keys 100 ms apart: a person typing, or a paste arriving in pieces.
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(100);
      preload.idle();
    }
    expect(load).not.toHaveBeenCalled();
    preload.busy();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(load).not.toHaveBeenCalled();
    preload.idle();
    await vi.advanceTimersByTimeAsync(150);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

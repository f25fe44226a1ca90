import { ciVariablesSet } from '../util/ci-variables.js';

/**
 * Loads the browser (ink, React, yoga: about 100 ms) in the background once the prompt is
 * up and no line is being evaluated, so that the Enter on a `browse(...)` does not pay for
 * it: by the time a person has typed the line it has loaded. It never delays the prompt
 * (it starts after it) and never prints; a load that fails is forgotten, and the browse()
 * that follows loads again and reports why. Loading is main-thread work: from the bundle,
 * one stall of about 50 ms (ink, React and yoga evaluating) right after the prompt, while
 * the banner is being read; keys typed meanwhile wait that long, and arrive together.
 *
 * With CI or CONTINUOUS_INTEGRATION set, a line entered while it loads is evaluated once it
 * has loaded: tui/entry.ts takes them out of process.env for the length of the import (see
 * util/ci-variables.ts), and code typed at the prompt must never see them gone. That wait
 * happens at most once, and a browse() typed then would have waited for the load anyway.
 */
export class BrowserPreload {
  private started = false;
  private masking: Promise<void> | undefined;

  constructor(private readonly load: () => Promise<void>) {}

  /** The shell is idle: start loading, unless it has started before. */
  idle(): void {
    if (this.started) return;
    this.started = true;
    const loading = Promise.resolve()
      .then(this.load)
      .catch(() => undefined);
    if (!ciVariablesSet()) return;
    this.masking = loading.finally(() => {
      this.masking = undefined;
    });
  }

  /** What a line must wait for before it is evaluated: a load that hides CI from it, if any. */
  inFlight(): Promise<void> | undefined {
    return this.masking;
  }
}

/** Loads the browser's front door, then the browser behind it (whose failure it forgets). */
export async function loadBrowser(): Promise<void> {
  const tui = await import('../tui/entry.js');
  await tui.preloadBrowser();
}

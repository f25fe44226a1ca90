import { ciVariablesSet } from '../util/ci-variables.js';

/** How long the shell stays quiet (no key, no line) before the browser loads: past a paste, within a pause. */
const QUIET_MS = 150;

/**
 * Loads the browser (ink, React, yoga: about 100 ms) in the background once the prompt is
 * up and the shell has been quiet for a moment (no line being evaluated, no key for
 * QUIET_MS), so that the Enter on a `browse(...)` does not pay for it: by the time a person
 * has typed the line it has loaded. It never delays the prompt (it starts after it) and
 * never prints; a load that fails is forgotten, and the browse() that follows loads again
 * and reports why. Loading is main-thread work: from the bundle, one stall of some 30 ms
 * (ink, React and yoga evaluating). Waiting for a quiet moment puts that stall where no one
 * is typing, and lets a line pasted or typed ahead at the prompt go first: a `browse()` in
 * it loads the browser itself, while its first page is on its way (tui/entry.ts).
 *
 * With CI or CONTINUOUS_INTEGRATION set, a line entered while it loads is evaluated once it
 * has loaded: tui/entry.ts takes them out of process.env for the length of the import (see
 * util/ci-variables.ts), and code typed at the prompt must never see them gone. That wait
 * happens at most once, and a browse() typed then would have waited for the load anyway.
 */
export class BrowserPreload {
  private started = false;
  private masking: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly load: () => Promise<void>,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** The shell is idle, or a key came (it still is): load once it stays quiet, unless started before. */
  idle(): void {
    if (this.started) return;
    clearTimeout(this.timer);
    // Never what keeps the process alive: the REPL's input does that.
    this.timer = setTimeout(() => this.start(), this.quietMs).unref();
  }

  /** A line is being evaluated: it goes first, and the next idle() starts the wait again. */
  busy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private start(): void {
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

/** Ctrl+C while a one-shot command works: `signal` aborts on the first. */
export interface Interrupt {
  readonly signal: AbortSignal;
  /** Stops listening for Ctrl+C. */
  dispose(): void;
}

/**
 * Listens for Ctrl+C: the first one aborts `signal` (the command then ends with 130 after
 * its own one-line message); a second one, while the first is being handled, ends at once.
 */
export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSignal) };
}

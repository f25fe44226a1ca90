import type { Operation } from '../spec/index.js';

/** Marks the promise an api method returns with the call behind it. */
export const CALL_INFO: unique symbol = Symbol.for('cmlsh.call');

/** What a pending call knows about itself, so a consumer can name it or make it again. */
export interface CallInfo {
  readonly operation: Operation;
  readonly args: Readonly<Record<string, unknown>>;
  /** The same call, sent again (a retry after the first one failed). */
  readonly again: (options?: { signal?: AbortSignal }) => Promise<unknown>;
}

/** The call behind a promise from `api.x(...)`, when it is one. */
export function callInfoOf(value: unknown): CallInfo | undefined {
  return typeof value === 'object' && value !== null && CALL_INFO in value
    ? ((value as { [CALL_INFO]: CallInfo })[CALL_INFO] ?? undefined)
    : undefined;
}

/**
 * The one thing the transport asks of the network: send one request, hand back the status,
 * the headers and the body as it arrives. Retries, the deadline, size limits and errors are
 * the transport's; a wire only moves bytes. Two wires exist: Node's own http/https (the
 * default, node-wire.ts) and any fetch (fetchWire below: a proxy's undici dispatcher).
 */
export interface WireHeaders extends Iterable<[string, string]> {
  get(name: string): string | null;
}

export interface WireResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: WireHeaders;
  /** The body's bytes as they arrive. */
  readonly body: AsyncIterable<Uint8Array> | null;
  /** Drops the rest of the body, and with it the connection's claim on the process. */
  cancel(): void;
}

export interface WireRequest {
  readonly method: string;
  readonly headers: Record<string, string>;
  /** Aborts the request, and the body's reading once it is answered. */
  readonly signal: AbortSignal;
  readonly body?: string | FormData | undefined;
  /** Called once the request is written out: the server has it (see requests-sent.ts). */
  readonly onSent?: (() => void) | undefined;
}

export type Wire = (url: string, request: WireRequest) => Promise<WireResponse>;

/**
 * A wire over a fetch. Its request counts as sent once fetch has the answer's headers: fetch
 * does not tell sooner.
 */
export function fetchWire(fetchImpl: typeof fetch): Wire {
  return async (url, { method, headers, signal, body }) => {
    const response = await fetchImpl(url, {
      method,
      headers,
      signal,
      ...(body !== undefined ? { body } : {}),
    });
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      // Node's web streams are async iterables; the DOM typings of fetch do not say so.
      body: response.body as AsyncIterable<Uint8Array> | null,
      cancel: () => {
        response.body?.cancel().catch(() => {});
      },
    };
  };
}

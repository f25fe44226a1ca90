import type { Transport } from '../client/index.js';
import { iterateItems, iteratePages } from '../client/index.js';
import { CmlApiError } from '../errors/index.js';
import type { ApiSpec, Operation } from '../spec/index.js';
import { buildRequest, type CallArgs } from './build-request.js';
import { CALL_INFO, type CallInfo } from './call-info.js';
import { HelpText } from './help-object.js';
import { helpText } from './help-text.js';
import { ItemStream } from './item-stream.js';
import { Page } from './page.js';
import { paramIndex } from './param-index.js';
import { OperationIndex } from './resolve-operation.js';

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
}

/** One operation as a function, with its paging and help attached. */
export interface ApiMethod {
  (args?: CallArgs, options?: CallOptions): Promise<unknown>;
  readonly operation: Operation;
  /** Summary, parameters, filter/sort keys and an example. */
  help(): HelpText;
  /** Every page, fetched lazily. List operations only. */
  pages?(args?: CallArgs, options?: CallOptions): AsyncGenerator<Page>;
  /** Every item across pages, fetched lazily; `limit` stops early. Await it to collect. List operations only. */
  all?(args?: CallArgs & { limit?: number }, options?: CallOptions): ItemStream<unknown>;
}

/** Where `api` keeps what it was built from; not enumerable, so it stays out of completion. */
export const API_META: unique symbol = Symbol.for('cmlsh.api');

export interface ApiMeta {
  readonly spec: ApiSpec;
  readonly operations: OperationIndex;
  readonly baseUrl: string;
  readonly maskedToken: string | undefined;
}

/** The `api` object: one real function property per operation, under both its names. */
export type Api = { readonly [name: string]: ApiMethod } & { readonly [API_META]: ApiMeta };

export interface ApiOptions {
  readonly spec: ApiSpec;
  readonly transport: Transport;
  /** Signal for calls made without one: the REPL passes the current Ctrl+C signal. */
  readonly defaultSignal?: (() => AbortSignal | undefined) | undefined;
  /** Told of every successful answer (the REPL remembers ids for completion). */
  readonly onResult?: ((op: Operation, args: CallArgs, data: unknown) => void) | undefined;
  /** How the token prints when `api` is inspected: "****abcd". */
  readonly maskedToken?: string | undefined;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Builds `api` from a spec. Plain object, real function properties: Node's REPL completer
 * skips Proxies and getters, so nothing here is computed on access.
 */
export function createApi(options: ApiOptions): Api {
  const { spec, transport } = options;
  const index = new OperationIndex(spec.operations);
  const api: Record<string | symbol, unknown> = {};
  for (const op of spec.operations) {
    const method = makeMethod(op, options);
    api[op.name] = method;
    if (op.pythonName !== op.name) api[op.pythonName] = method;
  }
  const meta: ApiMeta = {
    spec,
    operations: index,
    baseUrl: transport.baseUrl,
    maskedToken: options.maskedToken,
  };
  Object.defineProperty(api, API_META, { value: meta, enumerable: false });
  Object.defineProperty(api, INSPECT, {
    enumerable: false,
    value: () =>
      `CML API v2 @ ${meta.baseUrl} — ${spec.operations.length} operations (spec ${spec.version}), token ${meta.maskedToken ?? 'none'}. api.<operation>.help() for one.`,
  });
  Object.defineProperty(api, 'toJSON', {
    enumerable: false,
    value: () => ({
      host: meta.baseUrl,
      operations: spec.operations.length,
      token: meta.maskedToken ?? null,
    }),
  });
  return api as Api;
}

function makeMethod(op: Operation, options: ApiOptions): ApiMethod {
  const call = async (
    args: CallArgs = {},
    callOptions: CallOptions = {},
    number = 1,
    fromToken = pageToken(op, args) !== undefined,
  ): Promise<unknown> => {
    const request = await buildRequest(op, args);
    const signal = callOptions.signal ?? options.defaultSignal?.();
    const response = await options.transport.request(request, { signal, timeoutMs: callOptions.timeoutMs });
    const data = response.data;
    if (op.response.schema && data instanceof Uint8Array) {
      throw new CmlApiError({
        status: response.status,
        serverMessage: `expected JSON but the server sent ${response.headers.get('content-type') || 'something else'}; is --host the workspace URL?`,
        request: { method: request.method, url: request.path, operation: op.name },
      });
    }
    options.onResult?.(op, args, data);
    if (!op.list || !data || typeof data !== 'object' || data instanceof Uint8Array) return data;
    return toPage(data as Record<string, unknown>, args, number, fromToken, callOptions);
  };

  const toPage = (
    data: Record<string, unknown>,
    args: CallArgs,
    number: number,
    fromToken: boolean,
    callOptions: CallOptions,
  ): Page => {
    const base = withoutPageToken(op, args);
    const token =
      typeof data.next_page_token === 'string' && data.next_page_token ? data.next_page_token : undefined;
    return new Page(data, {
      operation: op,
      args: base,
      number,
      fromToken,
      nextToken: token,
      fetchNext: (next) =>
        call(
          { ...base, page_token: token },
          { ...callOptions, ...next },
          number + 1,
          fromToken,
        ) as Promise<Page>,
    });
  };

  const method = ((args?: CallArgs, callOptions?: CallOptions) => {
    const promise = call(args, callOptions);
    // Non-enumerable: the promise still prints and awaits as any other.
    const info: CallInfo = {
      operation: op,
      args: args ?? {},
      again: (next) => call(args, { ...callOptions, ...next }),
    };
    Object.defineProperty(promise, CALL_INFO, { value: info, enumerable: false });
    return promise;
  }) as ApiMethod;
  Object.defineProperty(method, 'name', { value: op.name });
  const pages = (args: CallArgs = {}, callOptions: CallOptions = {}) => {
    const base = withoutPageToken(op, args);
    const first = pageToken(op, args);
    let number = 0;
    return iteratePages(
      async (token, signal) => {
        number += 1;
        const page = (await call(
          token ? { ...base, page_token: token } : base,
          { ...callOptions, signal },
          number,
          first !== undefined,
        )) as Page;
        return {
          page,
          nextToken: typeof page.next_page_token === 'string' ? page.next_page_token : undefined,
        };
      },
      first,
      callOptions.signal,
    );
  };
  Object.assign(method, { operation: op, help: () => new HelpText(helpText(op, options.spec)) });
  // Only list operations page; elsewhere .pages/.all would only be noise in completion.
  if (op.list) {
    Object.assign(method, {
      pages,
      all: (args: CallArgs & { limit?: number } = {}, callOptions?: CallOptions) => {
        const { limit, ...rest } = args;
        return new ItemStream(() =>
          iterateItems(pages(rest, callOptions), (page: Page) => page.items, limit),
        );
      },
    });
  }
  return method;
}

function pageToken(op: Operation, args: CallArgs): string | undefined {
  const index = paramIndex(op);
  for (const [key, value] of Object.entries(args)) {
    if (index.get(key)?.wireName === 'page_token' && typeof value === 'string') return value;
  }
  return undefined;
}

function withoutPageToken(op: Operation, args: CallArgs): CallArgs {
  const index = paramIndex(op);
  return Object.fromEntries(
    Object.entries(args).filter(([key]) => index.get(key)?.wireName !== 'page_token'),
  );
}

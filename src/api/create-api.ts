import type { Transport } from '../client/index.js';
import { CmlApiError, CmlUsageError } from '../errors/index.js';
import type { ApiSpec, Operation } from '../spec/index.js';
import { collectArguments, isPlainObject } from './bind-arguments.js';
import { buildRequest, type CallArgs } from './build-request.js';
import { CALL_INFO, type CallInfo } from './call-info.js';
import { HelpText } from './help-object.js';
import { type HelpOptions, helpText } from './help-text.js';
import { ItemStream, itemsOfPages } from './item-stream.js';
import { type FetchPage, type Page, pageFromAnswer, walkPages } from './page.js';
import type { PageStep } from './page-trail.js';
import { paramIndex } from './param-index.js';
import { OperationIndex } from './resolve-operation.js';
import { decorateResult } from './result-object.js';
import { pythonSignature } from './signature.js';

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  /**
   * `.pages()` and `.all()` ask for the next page while the caller works on this one: for
   * a caller that reads every page (`cmlsh call --all`), the server's time and the caller's
   * overlap. A caller that stops early leaves one page's request made for nothing.
   */
  readonly readAhead?: boolean | undefined;
}

/**
 * One operation as a function, with its paging and help attached. It takes the object
 * form (`{ projectId, ... }`) or cmlapi's positional form (`body, project_id, ..., { kwargs }`);
 * see collectArguments. Call options go through `api.withOptions(...)`, never an argument.
 */
export interface ApiMethod {
  (...args: unknown[]): Promise<unknown>;
  readonly operation: Operation;
  /** Summary, parameters, filter/sort keys and an example. */
  help(): HelpText;
  /** Every page, fetched lazily. List operations only. */
  pages?(...args: unknown[]): AsyncGenerator<Page>;
  /** Every item across pages, fetched lazily; `limit` (a keyword) stops early. Await it to collect. List operations only. */
  all?(...args: unknown[]): ItemStream<unknown>;
}

/** What `api` has besides its operations. */
export interface ApiExtras {
  /**
   * The same api with these options on every call: `api.withOptions({ timeoutMs: 5000 }).listProjects()`.
   * A signal given here replaces the shell's Ctrl+C signal for those calls.
   */
  readonly withOptions: (options: CallOptions) => Api;
}

/** Where `api` keeps what it was built from; not enumerable, so it stays out of completion. */
export const API_META: unique symbol = Symbol.for('cmlsh.api');

export interface ApiMeta {
  readonly spec: ApiSpec;
  readonly operations: OperationIndex;
  readonly baseUrl: string;
  readonly maskedToken: string | undefined;
  /** Whether a key is the one this api sends (cmlapi.default_client(url, key) checks it); never the key itself. */
  readonly isToken: (candidate: string) => boolean;
}

/** The `api` object: one real function property per operation, under both its names. */
export type Api = ApiExtras & { readonly [name: string]: ApiMethod } & { readonly [API_META]: ApiMeta };

export interface ApiOptions {
  readonly spec: ApiSpec;
  readonly transport: Transport;
  /** Signal for calls made without one: the REPL passes the current Ctrl+C signal. */
  readonly defaultSignal?: (() => AbortSignal | undefined) | undefined;
  /** Told of every successful answer (the REPL remembers ids for completion). */
  readonly onResult?: ((op: Operation, args: CallArgs, data: unknown) => void) | undefined;
  /** How the token prints when `api` is inspected: "****abcd". */
  readonly maskedToken?: string | undefined;
  /** Whether a key is the one the transport sends. */
  readonly isToken?: ((candidate: string) => boolean) | undefined;
  /** Read when `api.x.help()` is printed: the terminal's width, ids seen for the example. */
  readonly help?: (() => HelpOptions) | undefined;
  /**
   * Answers as the server sent them, without cmlapi's `.to_dict()` on every object, nor
   * `.wait()` on job runs (connect): for a caller that only prints them (`cmlsh call`),
   * where decorating 30,000 items costs more than writing them. `api.wait(answer)` works.
   */
  readonly plainResults?: boolean | undefined;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Builds `api` from a spec. Plain object, real function properties: Node's REPL completer
 * skips Proxies and getters, so nothing here is computed on access.
 */
export function createApi(options: ApiOptions): Api {
  const { spec, transport } = options;
  const meta: ApiMeta = {
    spec,
    operations: new OperationIndex(spec.operations),
    baseUrl: transport.baseUrl,
    maskedToken: options.maskedToken,
    isToken: options.isToken ?? (() => false),
  };
  return buildApi(options, meta, {});
}

function buildApi(options: ApiOptions, meta: ApiMeta, callOptions: CallOptions): Api {
  const { spec } = options;
  const api: Record<string | symbol, unknown> = {};
  for (const op of spec.operations) {
    const method = makeMethod(op, options, callOptions);
    api[op.name] = method;
    if (op.pythonName !== op.name) api[op.pythonName] = method;
  }
  // Non-enumerable like the rest: `api.` completion lists operations (and this, by name).
  Object.defineProperty(api, 'withOptions', {
    enumerable: false,
    value: (more: CallOptions) => buildApi(options, meta, { ...callOptions, ...checkedOptions(more) }),
  });
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
  return api as unknown as Api;
}

function checkedOptions(options: CallOptions): CallOptions {
  const { signal, timeoutMs, readAhead, ...rest } = options ?? {};
  const unknown = Object.keys(rest);
  if (unknown.length || (options !== undefined && (typeof options !== 'object' || options === null))) {
    throw new CmlUsageError(
      `withOptions takes { signal, timeoutMs, readAhead }${unknown.length ? `, not ${unknown.join(', ')}` : ''}`,
    );
  }
  if (readAhead !== undefined && typeof readAhead !== 'boolean')
    throw new CmlUsageError(`withOptions: readAhead must be true or false, not ${String(readAhead)}`);
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs))
  )
    throw new CmlUsageError(
      `withOptions: timeoutMs must be a positive number of milliseconds, not ${String(timeoutMs)}`,
    );
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new CmlUsageError('withOptions: signal must be an AbortSignal');
  return {
    ...(signal ? { signal } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(readAhead !== undefined ? { readAhead } : {}),
  };
}

function makeMethod(op: Operation, options: ApiOptions, fixed: CallOptions): ApiMethod {
  const call = async (
    args: CallArgs = {},
    callOptions: CallOptions = {},
    previous?: PageStep,
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
    const decorate = options.plainResults ? <T>(value: T): T => value : decorateResult;
    if (!op.list || !data || typeof data !== 'object' || data instanceof Uint8Array) return decorate(data);
    const base = withoutPageToken(op, args);
    const fetchPage: FetchPage = (token, step, next) =>
      call(
        { ...base, page_token: token },
        next?.signal ? { ...callOptions, signal: next.signal } : callOptions,
        step,
        fromToken,
      ) as Promise<Page>;
    const info = { method: request.method, url: request.path, operation: op.name };
    return decorate(
      pageFromAnswer(op, data as Record<string, unknown>, base, previous, fromToken, fetchPage, info),
    );
  };

  /** The arguments as given, bound once: what the call, its retry and its pages share. */
  const collect = (raw: readonly unknown[]) => {
    const input = collectArguments(op, raw);
    const timeoutMs = input.timeoutMs ?? fixed.timeoutMs;
    return { ...input, callOptions: { ...fixed, ...(timeoutMs ? { timeoutMs } : {}) } };
  };

  const method = ((...raw: unknown[]) => {
    let promise: Promise<unknown>;
    let info: CallInfo;
    try {
      const { args, asyncReq, callOptions } = collect(raw);
      promise = call(args, callOptions);
      info = { operation: op, args, again: (next) => call(args, { ...callOptions, ...next }) };
      // cmlapi's async_req=True returns a thread; its .get() waits for the answer.
      if (asyncReq) Object.defineProperty(promise, 'get', { value: () => promise, enumerable: false });
    } catch (error) {
      promise = Promise.reject(error);
      info = { operation: op, args: {}, again: () => Promise.reject(error) };
    }
    // Non-enumerable: the promise still prints and awaits as any other.
    Object.defineProperty(promise, CALL_INFO, { value: info, enumerable: false });
    return promise;
  }) as ApiMethod;
  Object.defineProperty(method, 'name', { value: op.name });
  const help = () => new HelpText(helpText(op, options.spec, options.help?.()));
  // Typed without parentheses, `api.listJobs` prints its help rather than the function's internals.
  Object.defineProperty(method, INSPECT, { value: () => help().text, enumerable: false });
  Object.defineProperty(method, 'toString', {
    value: () => `${pythonSignature(op)}: ${op.summary}`,
    enumerable: false,
  });
  // Through nextPage, as `it` and the browser go on: one guarded way from page to page.
  const pages = (args: CallArgs, callOptions: CallOptions) =>
    walkPages(() => call(args, callOptions), { readAhead: callOptions.readAhead ?? false });
  Object.assign(method, { operation: op, help });
  // Only list operations page; elsewhere .pages/.all would only be noise in completion.
  if (op.list) {
    Object.assign(method, {
      pages: (...raw: unknown[]) => {
        const { args, callOptions } = collect(raw);
        return pages(args, callOptions);
      },
      all: (...raw: unknown[]) => {
        const { limit, rest } = takeLimit(raw);
        const { args, callOptions } = collect(rest);
        return new ItemStream(() => itemsOfPages(pages(args, callOptions), limit));
      },
    });
  }
  return method;
}

/** `.all({ ..., limit: 100 })`: the limit is the stream's, not a parameter of the call. */
function takeLimit(raw: readonly unknown[]): { limit: number | undefined; rest: unknown[] } {
  const last = raw.at(-1);
  if (!isPlainObject(last) || !('limit' in last)) return { limit: undefined, rest: [...raw] };
  const { limit, ...kwargs } = last;
  if (limit !== undefined && !(typeof limit === 'number' && Number.isInteger(limit) && limit >= 0)) {
    throw new CmlUsageError(`.all: limit must be a whole number of items, not ${String(limit)}`);
  }
  return { limit: limit as number | undefined, rest: [...raw.slice(0, -1), kwargs] };
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

import type { Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { Wire, WireHeaders, WireResponse } from './wire.js';

/** Certificate settings for https: --ca-cert's bundle, --insecure. */
export interface NodeWireTls {
  readonly ca?: string[] | undefined;
  readonly rejectUnauthorized?: boolean | undefined;
}

/**
 * The default wire: Node's http and https modules. Node's fetch is undici, loaded the first
 * time fetch is touched: 25-30 ms of one thread, its HTTP/2 and TLS clients and a wasm
 * parser included, before the first byte goes out; http is mostly there already. That is a
 * third of the time to a browser's first row, and of a one-shot `cmlsh call` (docs/performance.md).
 * What fetch did for us is done here: keep-alive connections, compressed answers, forms.
 * Redirects are not followed (fetch followed them): an API answer is never a redirect, and
 * following one would send the key to wherever it pointed; the transport says where it went.
 */
export function createNodeWire(tls: NodeWireTls = {}): Wire {
  const agents: { http?: HttpAgent; https?: HttpsAgent } = {};
  return async (url, request) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    if (!secure && target.protocol !== 'http:') throw new TypeError(`cannot send to ${target.protocol} URLs`);
    // https (and with it tls: some 5 ms) only for an https workspace.
    const http = await import('node:http');
    const https = secure ? await import('node:https') : undefined;
    // As Node's own global agents, with a free socket dropped before the usual 5 s a server
    // keeps it: a request on a socket the server is closing fails for nothing.
    const keep = { keepAlive: true, scheduling: 'lifo', timeout: 4000 } as const;
    agents.http ??= new http.Agent(keep);
    if (https) agents.https ??= new https.Agent({ ...keep, ...tls });
    // Not `instanceof FormData`: touching that global loads undici.
    const form = typeof request.body === 'object' ? await encodeForm(request.body) : undefined;
    const body = form ? form.bytes : (request.body as string | undefined);
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...request.headers };
    if (form) headers['content-type'] = form.type;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const options = { method: request.method, headers, signal: request.signal };
      const outgoing = https
        ? https.request(target, { ...options, agent: agents.https }, resolve)
        : http.request(target, { ...options, agent: agents.http }, resolve);
      outgoing.on('error', reject);
      if (request.onSent) outgoing.once('finish', request.onSent);
      outgoing.end(body);
    });
    return answerOf(response, request.method);
  };
}

async function answerOf(response: IncomingMessage, method: string): Promise<WireResponse> {
  const status = response.statusCode ?? 0;
  const inflate = hasBody(response, method) ? await inflater(response) : undefined;
  if (inflate) {
    const { pipeline } = await import('node:stream');
    // One stream to read: an error on either side ends both.
    pipeline(response, inflate, () => {});
  }
  const body = inflate ?? response;
  return {
    status,
    statusText: response.statusMessage ?? '',
    headers: headersOf(response.headers),
    body,
    // Destroyed, not just left: an unread answer would hold its socket (and the process) open.
    cancel: () => {
      response.destroy();
      inflate?.destroy();
    },
  };
}

/** A HEAD, a 204 or 304, or an empty answer has nothing to inflate, whatever it is marked. */
function hasBody(response: IncomingMessage, method: string): boolean {
  const status = response.statusCode ?? 0;
  return !(
    method === 'HEAD' ||
    status === 204 ||
    status === 304 ||
    (status >= 100 && status < 200) ||
    response.headers['content-length'] === '0'
  );
}

/**
 * The decompressor for a compressed answer (fetch asked for them, and so do we), or none.
 * Flushed as undici does, so an answer that ends early, or holds nothing, ends cleanly.
 */
async function inflater(response: IncomingMessage): Promise<import('node:stream').Transform | undefined> {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) return undefined;
  const zlib = await import('node:zlib');
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (encoding === 'br') {
    return zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    });
  }
  // gzip, and deflate with its zlib header, which is what the HTTP spec calls deflate.
  return zlib.createUnzip(flush);
}

function headersOf(raw: IncomingHttpHeaders): WireHeaders {
  const value = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v);
  return {
    get: (name) => value(raw[name.toLowerCase()]) ?? null,
    *[Symbol.iterator]() {
      for (const [name, v] of Object.entries(raw)) {
        const text = value(v);
        if (text !== undefined) yield [name, text];
      }
    },
  };
}

/**
 * A form as multipart bytes, encoded by the web platform's own encoder (only uploads load it),
 * and sent with its length, as fetch sent it: some servers refuse a chunked upload.
 */
async function encodeForm(form: FormData): Promise<{ type: string; bytes: Buffer }> {
  const encoded = new Response(form);
  const type = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { type, bytes: Buffer.from(await encoded.arrayBuffer()) };
}

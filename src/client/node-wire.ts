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
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...request.headers };
    if (form) headers['content-type'] = form.type;
    else if (typeof request.body === 'string')
      headers['content-length'] = String(Buffer.byteLength(request.body));
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const options = { method: request.method, headers, signal: request.signal };
      const outgoing = https
        ? https.request(target, { ...options, agent: agents.https }, resolve)
        : http.request(target, { ...options, agent: agents.http }, resolve);
      outgoing.on('error', reject);
      if (request.onSent) outgoing.once('finish', request.onSent);
      if (form) {
        form.body.once('error', (error) => outgoing.destroy(error));
        form.body.pipe(outgoing);
      } else outgoing.end(typeof request.body === 'string' ? request.body : undefined);
    });
    return answerOf(response);
  };
}

async function answerOf(response: IncomingMessage): Promise<WireResponse> {
  const status = response.statusCode ?? 0;
  return {
    status,
    ok: status >= 200 && status < 300,
    statusText: response.statusMessage ?? '',
    headers: headersOf(response.headers),
    body: await decoded(response),
  };
}

/** The body as sent, or inflated: fetch asked for compressed answers, and so do we. */
async function decoded(response: IncomingMessage): Promise<AsyncIterable<Uint8Array>> {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (!['gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) return response;
  const [zlib, { pipeline }] = await Promise.all([import('node:zlib'), import('node:stream')]);
  const inflate =
    encoding === 'br'
      ? zlib.createBrotliDecompress()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : zlib.createGunzip();
  // One stream to read: an error on either side ends both, and leaving early drops both.
  pipeline(response, inflate, () => {});
  return inflate;
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
 * A form as multipart bytes, streamed from its parts (files are not read into memory). The
 * encoding is the web platform's own (a Response of the form); only uploads load it.
 */
async function encodeForm(form: FormData): Promise<{ type: string; body: import('node:stream').Readable }> {
  const { Readable } = await import('node:stream');
  const encoded = new Response(form);
  const type = encoded.headers.get('content-type') ?? 'multipart/form-data';
  const stream = encoded.body;
  if (!stream) return { type, body: Readable.from([]) };
  return { type, body: Readable.fromWeb(stream as import('node:stream/web').ReadableStream) };
}

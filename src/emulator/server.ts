import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { requireBearer } from './auth.js';
import type { EmulatorContext, EmulatorRequest, Handler } from './context.js';
import { drawFault } from './faults.js';
import { badRequest, GrpcCode, HttpFailure } from './http-failure.js';
import { readBody, send, sendFailure, sendJson } from './http-io.js';
import type { LiveSettings } from './options.js';
import type { CompiledOp } from './resources.js';
import type { Router } from './router.js';
import type { StateSaver } from './state-file.js';
import { OBSERVABILITY_ONLY } from './workspace-facts.js';

const SWAGGER_PATH = '/api/v2/swagger.json';

/** What the request listener needs, built once at start. */
export interface Engine {
  readonly ctx: EmulatorContext;
  readonly router: Router<CompiledOp>;
  readonly handlers: ReadonlyMap<CompiledOp, Handler>;
  /** Writes the state file; undefined without one. */
  readonly saver: StateSaver | undefined;
  readonly maxBodyBytes: number;
  readonly tokens: ReadonlySet<string>;
  /** Keys of an observability machine user (the others are ordinary users' keys). */
  readonly machineTokens: ReadonlySet<string>;
  readonly settings: LiveSettings;
  readonly random: () => number;
  readonly swagger: Buffer;
  requestCount: number;
}

/** The node:http listener: faults, auth, routing, body parsing, handler, reply. */
export function createListener(engine: Engine): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    engine.requestCount++;
    serve(engine, req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const failure =
        error instanceof HttpFailure
          ? error
          : new HttpFailure(500, GrpcCode.internal, `emulator error: ${String(error)}`);
      sendFailure(res, failure);
    });
  };
}

async function serve(engine: Engine, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  const method = req.method ?? 'GET';
  if (engine.settings.latencyMs > 0) await delay(engine.settings.latencyMs);

  if (pathname === SWAGGER_PATH && method === 'GET') {
    send(res, 200, engine.swagger, { 'content-type': 'application/json' });
    return;
  }
  let cut = false;
  if (pathname.startsWith('/api/v2/')) {
    const fault = drawFault(engine.settings, engine.random);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === '503')
      throw new HttpFailure(503, GrpcCode.unavailable, 'service unavailable (injected fault)');
    if (fault === '429') {
      sendFailure(
        res,
        new HttpFailure(429, GrpcCode.resourceExhausted, 'too many requests (injected fault)'),
        {
          'retry-after': String(engine.settings.retryAfterSeconds),
        },
      );
      return;
    }
    cut = fault === 'truncate';
  }

  const key = requireBearer(req.headers, engine.tokens);
  let found: ReturnType<Router<CompiledOp>['match']>;
  try {
    found = engine.router.match(method, pathname);
  } catch {
    throw badRequest(`malformed URL path: ${pathname}`);
  }
  if (!found.match) {
    if (found.pathKnown)
      throw new HttpFailure(405, GrpcCode.unimplemented, `method ${method} not allowed on ${pathname}`);
    throw new HttpFailure(404, GrpcCode.notFound, `no such API route: ${method} ${pathname}`);
  }
  const compiled = found.match.value;
  if (
    !engine.machineTokens.has(key) &&
    (OBSERVABILITY_ONLY.operationIds as readonly string[]).includes(compiled.op.operationId)
  )
    throw new HttpFailure(OBSERVABILITY_ONLY.status, OBSERVABILITY_ONLY.code, OBSERVABILITY_ONLY.message);
  const raw = await readBody(req, engine.maxBodyBytes);
  const contentType = req.headers['content-type'] ?? '';
  const request: EmulatorRequest = {
    compiled,
    params: found.match.params,
    query,
    body: compiled.op.multipart ? {} : parseJsonBody(raw),
    raw,
    contentType,
  };
  const handler = engine.handlers.get(compiled) as Handler;
  const reply = handler(engine.ctx, request);
  if (method !== 'GET') saveBeforeAnswering(engine);
  if (reply.bytes) send(res, reply.status, reply.bytes, reply.headers ?? {}, cut);
  else sendJson(res, reply.status, reply.json ?? {}, reply.headers ?? {}, cut);
}

function parseJsonBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('request body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('request body must be a JSON object');
  return value as Record<string, unknown>;
}

/** What was acknowledged is on disk: a write is saved before its answer goes out. */
function saveBeforeAnswering(engine: Engine): void {
  if (!engine.saver) return;
  try {
    engine.saver.save();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new HttpFailure(
      500,
      GrpcCode.internal,
      `the change was made but could not be saved to the state file ${engine.saver.path}: ${reason}`,
    );
  }
}

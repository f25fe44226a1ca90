import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normaliseSpec } from '../spec/normalise.js';
import type { EmulatorContext } from './context.js';
import { ALL_FAULTS } from './faults.js';
import { handlerTable } from './handlers.js';
import { MAX_BODY_BYTES } from './http-io.js';
import { lifecycleRefreshers } from './lifecycle.js';
import { ListEngine } from './list-engine.js';
import type { Emulator, EmulatorOptions, LiveSettings } from './options.js';
import { type CompiledOp, compileOperations, type ResourceType } from './resources.js';
import { Router } from './router.js';
import { seedDemo } from './seed.js';
import { createListener, type Engine } from './server.js';
import { loadState, StateSaver } from './state-file.js';
import { Store } from './store.js';
import { KEY_OWNER } from './users.js';

/** Default number of demo projects. */
export const DEFAULT_SEED_PROJECTS = 240;

/**
 * Starts an emulator for a Swagger 2.0 document and resolves once it listens.
 * @throws CmlSpecError when the document is not Swagger 2.0; the listen error when the port is taken.
 */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const spec = normaliseSpec(options.document, 'emulator');
  const compiled = compileOperations(spec);
  const router = new Router<CompiledOp>();
  const types = new Map<string, ResourceType>();
  for (const c of compiled) {
    router.add(c.op.shape, c.op.method, c);
    if (c.resource) types.set(c.resource.template, c.resource);
  }

  const now = options.now ?? Date.now;
  const runStepMs = options.runStepMs ?? 1500;
  const store = new Store();
  const state = options.stateFile ? await loadState(options.stateFile) : undefined;
  if (state) store.load(state);
  else if ((options.seed ?? 'demo') === 'demo') {
    seedDemo(store, types, spec.definitions, options.seedProjects ?? DEFAULT_SEED_PROJECTS, {
      now,
      runStepMs,
    });
  }
  const saver = options.stateFile ? new StateSaver(options.stateFile, store) : undefined;

  const ctx: EmulatorContext = {
    spec,
    definitions: spec.definitions,
    store,
    lists: new ListEngine(),
    now,
    runStepMs,
    user: KEY_OWNER,
    userIsSiteAdmin: true,
    refreshers: lifecycleRefreshers(),
  };
  const settings: LiveSettings = {
    latencyMs: options.latencyMs ?? 0,
    faultRate: options.faultRate ?? 0,
    faultKinds: options.faultKinds ?? [...ALL_FAULTS],
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
  };
  const tokens = options.tokens ?? ['demo-token'];
  const engine: Engine = {
    ctx,
    router,
    handlers: handlerTable(compiled),
    saver,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    tokens: new Set([...tokens, ...(options.machineTokens ?? [])]),
    machineTokens: new Set(options.machineTokens ?? []),
    settings,
    random: options.random ?? Math.random,
    swagger: Buffer.from(JSON.stringify(options.document)),
    requestCount: 0,
  };

  const server = createServer({ keepAliveTimeout: 5000 }, createListener(engine));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    tokens,
    username: KEY_OWNER.username,
    get requestCount() {
      return engine.requestCount;
    },
    configure(next) {
      Object.assign(settings, Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)));
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => saver?.save());
      return closed;
    },
  };
}

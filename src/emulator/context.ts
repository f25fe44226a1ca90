import type { ApiSpec, Schema } from '../spec/types.js';
import type { ListEngine } from './list-engine.js';
import type { Rng } from './prng.js';
import type { CompiledOp } from './resources.js';
import type { Store } from './store.js';
import type { DemoUser } from './users.js';

/** Everything a handler may touch: the spec, the store and the clock. */
export interface EmulatorContext {
  readonly spec: ApiSpec;
  readonly definitions: Readonly<Record<string, Schema>>;
  readonly store: Store;
  readonly lists: ListEngine;
  /** Source of new ids; seeded so runs of a test are repeatable. */
  readonly rng: Rng;
  readonly now: () => number;
  readonly runStepMs: number;
  /** Whom every accepted key belongs to. */
  readonly user: DemoUser;
}

/** One routed request, parsed. */
export interface EmulatorRequest {
  readonly compiled: CompiledOp;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body ({} when empty); undefined for multipart. */
  readonly body: Record<string, unknown>;
  readonly raw: Buffer;
  readonly contentType: string;
}

/** What to send back. */
export interface Reply {
  readonly status: number;
  readonly json?: unknown;
  readonly bytes?: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A handler for one operation. */
export type Handler = (ctx: EmulatorContext, req: EmulatorRequest) => Reply;

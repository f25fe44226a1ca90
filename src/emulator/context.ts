import type { ApiSpec, Schema } from '../spec/types.js';
import type { ListEngine } from './list-engine.js';
import type { CompiledOp } from './resources.js';
import type { Rec, Store } from './store.js';
import type { DemoUser } from './users.js';

/** Brings a record up to date before it is read (job runs move with the clock). */
export type Refresher = (ctx: EmulatorContext, rec: Rec) => void;

/** Everything a handler may touch: the spec, the store and the clock. */
export interface EmulatorContext {
  readonly spec: ApiSpec;
  readonly definitions: Readonly<Record<string, Schema>>;
  readonly store: Store;
  readonly lists: ListEngine;
  readonly now: () => number;
  readonly runStepMs: number;
  /** Whom every accepted key belongs to. */
  readonly user: DemoUser;
  /** Whether that user is a site admin (include_all_projects shows everything). */
  readonly userIsSiteAdmin: boolean;
  /** Per item model, how its records change over time; built per server. */
  readonly refreshers: ReadonlyMap<string, Refresher>;
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

/** The kinds of failure the emulator can inject into /api/v2 answers. */
export type FaultKind = '503' | '429' | 'reset' | 'truncate';

/** How to start an emulator. Only `document` is required. */
export interface EmulatorOptions {
  /** The raw Swagger 2.0 document to emulate, served as-is at GET /api/v2/swagger.json. */
  document: unknown;
  /** 0 = any free port (default). */
  port?: number;
  /** Default '127.0.0.1': loopback only unless asked. */
  host?: string;
  /** Accepted API keys (default ['demo-token']). */
  tokens?: string[];
  /** Keys of an observability machine user: only they may list workload executions. */
  machineTokens?: string[];
  /** 'demo' (default) fills a believable workspace; 'none' starts empty. */
  seed?: 'demo' | 'none';
  /** Number of demo projects (default 240). */
  seedProjects?: number;
  /** JSON state file: loaded at start when present, saved atomically after changes and on close. */
  stateFile?: string;
  /** Delay added to every response, in ms. */
  latencyMs?: number;
  /** Share (0..1) of /api/v2 requests, swagger.json aside, that fail. */
  faultRate?: number;
  /** Which failures to draw from (default all four). */
  faultKinds?: FaultKind[];
  /** Retry-After sent with injected 429s, in seconds; fractions allowed for fast tests (default 1). */
  retryAfterSeconds?: number;
  /** Interval at which job runs, builds, deployments and applications advance (default 1500 ms). */
  runStepMs?: number;
  /** Largest request body read; bigger ones get 413 (default 64 MiB). */
  maxBodyBytes?: number;
  /** Random source for fault injection (default Math.random). */
  random?: () => number;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
}

/** Settings that may change while the emulator runs (a test turning faults on). */
export interface LiveSettings {
  latencyMs: number;
  faultRate: number;
  faultKinds: FaultKind[];
  retryAfterSeconds: number;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** API keys it accepts. */
  readonly tokens: readonly string[];
  /** Username every accepted key belongs to. */
  readonly username: string;
  /** Requests received so far (all paths). */
  readonly requestCount: number;
  /** Changes latency and faults on the fly. */
  configure(settings: Partial<LiveSettings>): void;
  /** Stops listening, drops open connections and writes the state file. */
  close(): Promise<void>;
}

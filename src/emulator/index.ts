/**
 * emulator/: a stateful, in-process stand-in for a Cloudera Machine Learning workspace's
 * REST API v2, driven entirely by the Swagger 2.0 document it is given.
 *
 * What it emulates:
 * - Every operation of the document is routed (path templates compiled into a segment trie,
 *   dotted `{job.id}` parameters, `:verb` suffixes, `{path}` spanning slashes) and answers
 *   a body that validates against the operation's response schema with no undeclared field.
 * - Resources nest by path: POST on a collection creates, GET reads and lists, PATCH merges
 *   the body (the resource) into the stored item, PUT upserts, DELETE removes the item and
 *   everything beneath it. Operations with no natural resource answer generated objects.
 * - Lists page like CML: `page_size` (default 10), opaque `page_token`, `next_page_token`
 *   empty on the last page; `search_filter` JSON with substring matching, dotted keys and
 *   `gt:`/`lt:`/`eq:`/`isnull:` operators; `sort=-updated_at,+name`; malformed ones give 400.
 * - Auth: `Authorization: Bearer <key>` or 401 (code 16); `POST /api/v2/auth/validate_key`.
 *   Errors are runtimeError bodies `{error, code, message, details: []}` with gRPC codes.
 * - CML semantics (workspace-facts.ts holds what the spec does not say): creates store what
 *   was sent over workspace defaults and 400 without required fields; job runs advance
 *   SCHEDULING -> STARTING -> RUNNING -> SUCCEEDED (or FAILED) every `runStepMs`, computed
 *   from timestamps with no timers; stops pass through STOPPING; listProjects' visibility
 *   flags; experiment run data; uploads that never overwrite (`name(1).ext`); folder
 *   listings by name; 403 on workload executions for ordinary keys; 202 from POST
 *   /api/v2/runtimeaddons.
 * - A deterministic demo workspace (`seed: 'demo'`), a JSON state file written before each
 *   write is answered, 413 past `maxBodyBytes`, and injected latency and faults (503,
 *   429 + Retry-After, connection reset, truncated body).
 * - No module state: everything a server holds (store, handlers, refreshers) is built per
 *   `startEmulator` call.
 */

export { DEFAULT_PAGE_SIZE } from './list-engine.js';
export type { Emulator, EmulatorOptions, FaultKind, LiveSettings } from './options.js';
export { DEFAULT_SEED_PROJECTS, startEmulator } from './start-emulator.js';
export { DEMO_USERS, type DemoUser } from './users.js';

/**
 * The flags that say how to reach a workspace, shared by the shell, `call`, `browse`,
 * `whoami`, and those of the shell and `call` themselves: one table each, read both by
 * yargs and by main.ts's fast paths, so the two cannot drift.
 */
import { OUTPUT_FORMATS } from './output/formats.js';

/** What yargs and the fast path need to know about one flag. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean' | 'number';
  readonly describe: string;
  readonly alias?: string;
  /** Numbers: whole numbers in this range only (checked by flagValue, see flag-value.ts). */
  readonly range?: readonly [min: number, max: number];
  /** Numbers: what one unit is, for the error message ("milliseconds"). */
  readonly unit?: string;
  /** A value to show in the error message when the value given is wrong. */
  readonly example?: string;
}

/** The largest delay Node's timers take (2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 2_147_483_647;

export const CONNECTION_FLAGS = {
  host: {
    type: 'string',
    describe: 'Workspace URL or bare domain (else CML_HOST, CDSW_DOMAIN in a CML session, or the profile)',
    example: 'ml-1234.example.site',
  },
  token: {
    type: 'string',
    describe: 'API key. Visible to other processes: prefer `cmlsh login`, CML_API_KEY or --token-stdin',
  },
  'token-stdin': { type: 'boolean', describe: 'Read the API key from stdin' },
  profile: { type: 'string', describe: 'Saved profile to use (see `cmlsh profiles`)', example: 'work' },
  spec: {
    type: 'string',
    describe: "API spec file or URL (default: the workspace's own, cached)",
    example: 'swagger.json',
  },
  'refresh-spec': {
    type: 'boolean',
    describe: "Fetch the workspace's spec again instead of using the cached one (kept a day)",
  },
  'ca-cert': {
    type: 'string',
    describe: 'Also trust this PEM CA bundle (NODE_EXTRA_CA_CERTS works too)',
  },
  insecure: { type: 'boolean', describe: 'Do not verify the TLS certificate (unsafe)' },
  timeout: {
    type: 'number',
    describe: 'Timeout of a whole call in ms, retries and body included (default 30000)',
    range: [1, MAX_TIMEOUT_MS],
    unit: 'milliseconds',
    example: '60000',
  },
  verbose: { type: 'boolean', describe: 'Print requests, responses and retries to stderr' },
} as const satisfies Record<string, FlagSpec>;

/** `--demo`: the shell and one-shot commands run against a local emulator instead. */
export const DEMO_FLAGS = {
  demo: {
    type: 'boolean',
    describe: 'Start a local emulator with demo data and use it (no workspace needed)',
  },
} as const satisfies Record<string, FlagSpec>;

/** How `call --wait` and `cmlsh wait` wait. */
export const WAIT_FLAGS = {
  'wait-timeout': {
    type: 'string',
    describe: 'Give up waiting after this long: 90s, 10m, 1h30m (default 1h); exit 1',
    example: '10m',
  },
  until: {
    type: 'string',
    describe: 'Wait for this state (e.g. APPLICATION_STOPPED) instead of any final one',
    example: 'APPLICATION_STOPPED',
  },
} as const satisfies Record<string, FlagSpec>;

/** Flags of the shell itself, on top of the connection ones. */
export const SHELL_FLAGS = {
  ...CONNECTION_FLAGS,
  ...DEMO_FLAGS,
  eval: { type: 'string', alias: 'e', describe: 'Run this code (await works; `api` is ready), print, exit' },
  json: { type: 'boolean', describe: 'With -e: print the result as JSON' },
  norc: { type: 'boolean', describe: 'Do not run the startup file ~/.config/cmlsh/cmlshrc.js' },
} as const satisfies Record<string, FlagSpec>;

/** Flags of `cmlsh call`, on top of the connection ones; any other flag is a parameter. */
export const CALL_FLAGS = {
  body: {
    type: 'string',
    describe: 'Request body: JSON, @file.json, or @- for stdin',
    example: `'{"name":"demo"}'`,
  },
  all: { type: 'boolean', describe: 'Stream every item across pages (list operations)' },
  limit: {
    type: 'number',
    describe: 'Stop after N items (implies --all)',
    range: [0, Number.MAX_SAFE_INTEGER],
    example: '100',
  },
  'page-size': {
    type: 'number',
    describe: 'Items per request',
    range: [1, Number.MAX_SAFE_INTEGER],
    example: '50',
  },
  wait: {
    type: 'boolean',
    describe:
      'Wait until the run, build, deployment or application it answers is final; exit 1 unless it succeeded',
  },
  ...WAIT_FLAGS,
  ...DEMO_FLAGS,
  output: {
    type: 'string',
    alias: 'o',
    describe: `Output format: ${OUTPUT_FORMATS.join(', ')} (default: table on a terminal, json in a pipe)`,
    example: 'json',
  },
} as const satisfies Record<string, FlagSpec>;

/** Connection flags after parsing. */
export interface ConnectionArgs {
  readonly host?: string | undefined;
  readonly token?: string | undefined;
  readonly 'token-stdin'?: boolean | undefined;
  readonly profile?: string | undefined;
  readonly spec?: string | undefined;
  readonly 'refresh-spec'?: boolean | undefined;
  readonly 'ca-cert'?: string | undefined;
  readonly insecure?: boolean | undefined;
  readonly timeout?: number | undefined;
  readonly verbose?: boolean | undefined;
}

/** `--wait-timeout` and `--until` after parsing. */
export interface WaitArgs {
  readonly 'wait-timeout'?: string | undefined;
  readonly until?: string | undefined;
}

/** Shell flags after parsing. */
export interface ShellArgs extends ConnectionArgs {
  readonly demo?: boolean | undefined;
  readonly eval?: string | undefined;
  readonly json?: boolean | undefined;
  readonly norc?: boolean | undefined;
}

import type { ConnectOptions } from '../api/index.js';

/** How the shell connects: everything but the hooks it installs itself. */
export type ShellConnectOptions = Omit<ConnectOptions, 'defaultSignal' | 'onResult'>;

/** Options of `startShell`: the interactive session. */
export interface ShellOptions {
  /** The shell adds its own `defaultSignal` and `onResult` and calls `connect()`. */
  readonly connect: ShellConnectOptions;
  /** Shown in the prompt, e.g. the host name or profile: `cml:ml-1234> `. */
  readonly label: string;
  readonly profile?: string | undefined;
  /** The startup file; default `cmlshrc.js` under cmlsh's XDG config folder; false: none (`--norc`). */
  readonly rcFile?: string | false | undefined;
  /** Default: `history` under cmlsh's XDG state folder; created 0600. */
  readonly historyFile?: string | undefined;
  /** Default process.stdin / process.stdout. */
  readonly input?: NodeJS.ReadableStream | undefined;
  readonly output?: NodeJS.WritableStream | undefined;
  /** Stack traces and (redacted) transport events. */
  readonly verbose?: boolean | undefined;
  /** Values (the token) never written to history nor printed. The connect token is added. */
  readonly secrets?: readonly string[] | undefined;
  /**
   * Load the browser in the background once the prompt is up and idle, so that the first
   * browse() does not wait for it (see browser-preload.ts). Only with a terminal to type in.
   */
  readonly preloadBrowser?: boolean | undefined;
}

/** Options of `runScript`: `cmlsh -e CODE`. */
export interface ScriptOptions {
  readonly connect: ShellConnectOptions;
  /** `cmlsh run FILE ARGS...`: the code is that file's, run as statements, nothing printed. */
  readonly file?: { readonly path: string; readonly args: readonly string[] } | undefined;
  /** Print JSON: pages as the server's response, bytes as base64. */
  readonly json?: boolean | undefined;
  readonly verbose?: boolean | undefined;
  /** Default process.stdout / process.stderr. */
  readonly output?: NodeJS.WritableStream | undefined;
  readonly errorOutput?: NodeJS.WritableStream | undefined;
}

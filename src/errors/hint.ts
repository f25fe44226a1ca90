/**
 * What the user can do about an error, as a kind rather than words: the inner layers know
 * what happened, only the surface (command line, prompt, browser) knows how its user says
 * "wait longer" (`--timeout` there, `{ timeoutMs }` at the prompt). Each surface renders
 * every kind in its own terms (see cli/hints.ts, repl/hints.ts).
 */
export type HintKind =
  /** The wait ran out: allow more time. */
  | 'timeout'
  /** The workspace refused the key (401). */
  | 'login'
  /** The certificate is not trusted: a private CA needs to be named. */
  | 'ca-cert'
  /** https was used towards a server that speaks plain HTTP. */
  | 'plain-http'
  /** Nothing listens at the host. */
  | 'host-unreachable'
  /** The host name does not resolve. */
  | 'host-unknown'
  /** A key from the environment belongs to another workspace than the one asked for. */
  | 'key-for-host';

/** One sentence per kind, in the words of one surface. */
export type HintTexts = Readonly<Record<HintKind, string>>;

import type { Api } from '../api/index.js';
import { describeError } from '../errors/index.js';
import { safeLine, safeText } from '../present/index.js';
import type { ApiSpec } from '../spec/index.js';
import { wrapWords } from '../util/wrap-words.js';
import { REPL_HINTS } from './hints.js';

/**
 * Who the key belongs to; or that the workspace refused the key (every call will fail, which
 * the shell says plainly); or why it could not be learnt (the workspace did not answer).
 */
export type Identity =
  | { readonly username: string }
  | { readonly refused: string }
  | { readonly problem: string };

export interface WhoAmIOptions {
  /** Per-try timeout (default 8 s). */
  readonly timeoutMs?: number | undefined;
  /** Ends the question early, e.g. when the shell closes first. */
  readonly signal?: AbortSignal | undefined;
  /** Given the call's arguments object before the call, to tell it apart from the person's. */
  readonly onArgs?: ((args: object) => void) | undefined;
}

/**
 * Asks the workspace whose key this is (`validateAPIKey`, audience API). Never throws: a
 * shell that cannot say who you are is still useful, so the reason becomes one line.
 */
export async function whoAmI(api: Api, options: WhoAmIOptions = {}): Promise<Identity> {
  const bounded = api.withOptions({ timeoutMs: options.timeoutMs ?? 8000, signal: options.signal });
  const validate = bounded.validateAPIKey ?? bounded.validate_api_key;
  if (!validate) return { problem: 'this spec has no ValidateAPIKey operation' };
  const args = { audience: 'API' };
  options.onArgs?.(args);
  try {
    const answer = (await validate(args)) as Record<string, unknown> | undefined;
    if (answer?.valid === false)
      return {
        refused: `the workspace says the key is not valid: ${String(answer.message ?? 'no reason given')}`,
      };
    return typeof answer?.username === 'string' && answer.username
      ? { username: answer.username }
      : { problem: 'the workspace did not say' };
  } catch (error) {
    if (error instanceof Error && error.name === 'CmlAuthError')
      return { refused: describeError(error, false, REPL_HINTS) };
    return { problem: describeError(error) };
  }
}

/**
 * The lines printed before the first prompt. Who the key belongs to is not among them: the
 * prompt does not wait for the workspace to say (see identityLines).
 */
export function bannerText(options: {
  readonly host: string;
  readonly spec: ApiSpec;
  readonly profile?: string | undefined;
  /** The terminal's columns: lines wrap at word boundaries to fit. */
  readonly width?: number | undefined;
}): string {
  const { host, spec, profile } = options;
  const text = [
    `cmlsh — CML API v2 at ${host}${profile ? ` (profile ${profile})` : ''}`,
    `  spec ${spec.version || 'unversioned'} from ${spec.source} · ${spec.operations.length} operations`,
    '  .ops [words] lists operations, .help <operation> explains one, api.<Tab> completes;',
    '  browse(result) pages through results, `it` fetches the next page, .exit leaves.',
  ].join('\n');
  // The spec's version and source come from the workspace: shown, never obeyed.
  const width = options.width ?? 120;
  return safeText(text)
    .split('\n')
    .flatMap((line) => {
      const lead = /^\s*/.exec(line)?.[0] ?? '';
      return wrapWords(line.slice(lead.length), width, `${lead}  `, lead);
    })
    .join('\n');
}

/**
 * The end of the banner, shown above the prompt once the workspace said whose key it is (or
 * why not). A refused key is not left inside the banner's small print: it gets a line of its
 * own, unindented, saying that calls will fail and how to give a good key.
 */
export function identityLines(identity: Identity): string {
  if ('refused' in identity) {
    return `  user unknown: the workspace refused the API key\n\nThe API key was refused, so every call will fail: ${identity.refused}\n`;
  }
  const user = 'username' in identity ? identity.username : `unknown (${identity.problem})`;
  // The workspace's words are shown, never obeyed by the terminal.
  return `  user ${safeLine(user)}\n`;
}

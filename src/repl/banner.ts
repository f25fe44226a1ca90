import type { Api } from '../api/index.js';
import { describeError } from '../errors/index.js';
import type { ApiSpec } from '../spec/index.js';

/** Who the key belongs to, or why that could not be learnt. */
export type Identity = { readonly username: string } | { readonly problem: string };

/**
 * Asks the workspace whose key this is (`validateAPIKey`, audience API). Never throws: a
 * shell that cannot say who you are is still useful, so the reason becomes one line.
 */
export async function whoAmI(api: Api, timeoutMs = 8000): Promise<Identity> {
  const validate = api.validateAPIKey ?? api.validate_api_key;
  if (!validate) return { problem: 'this spec has no ValidateAPIKey operation' };
  try {
    const answer = (await validate({ audience: 'API' }, { timeoutMs })) as
      | Record<string, unknown>
      | undefined;
    if (answer?.valid === false)
      return { problem: `key not valid: ${String(answer.message ?? 'no reason given')}` };
    return typeof answer?.username === 'string' && answer.username
      ? { username: answer.username }
      : { problem: 'the workspace did not say' };
  } catch (error) {
    return { problem: describeError(error) };
  }
}

/** The lines printed before the first prompt. */
export function bannerText(options: {
  readonly host: string;
  readonly identity: Identity;
  readonly spec: ApiSpec;
  readonly profile?: string | undefined;
}): string {
  const { host, identity, spec, profile } = options;
  const user = 'username' in identity ? identity.username : `unknown (${identity.problem})`;
  return [
    `cmlsh — CML API v2 at ${host}${profile ? ` (profile ${profile})` : ''}`,
    `  user ${user}`,
    `  spec ${spec.version || 'unversioned'} from ${spec.source} · ${spec.operations.length} operations`,
    '  .ops [words] lists operations, .help <operation> explains one, api.<Tab> completes;',
    '  browse(result) pages through results, `it` fetches the next page, .exit leaves.',
    '',
  ].join('\n');
}

import { API_META, connect } from '../api/index.js';
import { CmlAuthError } from '../errors/index.js';
import { builtinSpec } from '../spec/index.js';
import type { PlainConnectOptions } from './connection.js';
import { hooks } from './connection.js';

/**
 * Asks the workspace whose key this is (`POST /api/v2/auth/validate_key`, audience API).
 * The builtin spec is enough for that, so nothing else is fetched.
 * @throws CmlAuthError with the server's reason when the key is not valid.
 */
export async function validateKey(options: PlainConnectOptions, verbose?: boolean): Promise<string> {
  const { api } = await connect({ ...options, loadedSpec: builtinSpec(), ...hooks(verbose) });
  const op = api[API_META].operations.get('validate_api_key');
  const answer = (await api[op.name]?.({ audience: 'API' })) as
    | { valid?: boolean; username?: string; message?: string }
    | undefined;
  if (!answer?.valid) {
    throw new CmlAuthError({
      status: 200,
      serverMessage: `the workspace says the key is not valid${answer?.message ? `: ${answer.message}` : ''}`,
      request: { method: 'POST', url: `${options.host}/api/v2/auth/validate_key`, operation: op.name },
    });
  }
  return answer.username ?? '(unknown user)';
}

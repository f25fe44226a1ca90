import { maskSecret } from '../client/index.js';

/** Literals that carry a credential whatever its value: `token: '...'`, `apiKey = ...`, `Bearer x`. */
const SECRET_LITERAL =
  /\b(?:token|api_?key|apikey|password|passwd|secret|authorization)['"]?\s*[:=]|\bBearer\s+\S|\bCML_API_KEY\b|\bCDSW_APIV2_KEY\b/i;

/** Shorter values would match ordinary text; a real API key is far longer. */
const MIN_SECRET_LENGTH = 6;

/** True when a line must not be remembered: it holds a known secret or a credential literal. */
export function isSecretLine(line: string, secrets: readonly string[] = []): boolean {
  if (SECRET_LITERAL.test(line)) return true;
  return secrets.some((secret) => secret.length >= MIN_SECRET_LENGTH && line.includes(secret));
}

/** Replaces every known secret in `text` by its masked form ("****abcd"). */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && result.includes(secret)) {
      result = result.split(secret).join(maskSecret(secret));
    }
  }
  return result;
}

import { MIN_SECRET_LENGTH, redactSecrets } from '../client/redact.js';

export { redactSecrets };

/** Literals that carry a credential whatever its value: `token: '...'`, `apiKey = ...`, `Bearer x`. */
const SECRET_LITERAL =
  /\b(?:token|api_?key|apikey|password|passwd|secret|authorization)['"]?\s*[:=]|\bBearer\s+\S|\bCML_API_KEY\b|\bCDSW_APIV2_KEY\b/i;

/** True when a line must not be remembered: it holds a known secret or a credential literal. */
export function isSecretLine(line: string, secrets: readonly string[] = []): boolean {
  if (SECRET_LITERAL.test(line)) return true;
  return secrets.some((secret) => secret.length >= MIN_SECRET_LENGTH && line.includes(secret));
}

/** Header names whose values are secrets and never shown, logged or stored. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'x-api-key', 'proxy-authorization']);

/** A copy of the headers safe to print: secret values masked. */
export function redactHeaders(
  headers: Iterable<[string, string]> | Record<string, string>,
): Record<string, string> {
  // Not `instanceof Headers`: touching that global loads undici.
  const entries =
    Symbol.iterator in headers ? [...(headers as Iterable<[string, string]>)] : Object.entries(headers);
  return Object.fromEntries(
    entries.map(([name, value]) => [
      name,
      SECRET_HEADERS.has(name.toLowerCase()) ? maskSecret(value) : value,
    ]),
  );
}

/** "Bearer abcd...wxyz" -> "Bearer ****wxyz": enough to tell keys apart, not to use one. */
export function maskSecret(value: string): string {
  const [scheme, secret] = value.includes(' ') ? value.split(/\s+/, 2) : ['', value];
  const tail = secret && secret.length >= 12 ? secret.slice(-4) : '';
  return `${scheme ? `${scheme} ` : ''}****${tail}`;
}

/** Shorter values would match ordinary text; a real API key is far longer. */
export const MIN_SECRET_LENGTH = 6;

/**
 * Replaces every known secret in `text` by its masked form ("****abcd"): the one redactor
 * of text, used by the command line's stderr, the shell's output and `cmlsh run`.
 */
export function redactSecrets(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && result.includes(secret)) {
      result = result.split(secret).join(maskSecret(secret));
    }
  }
  return result;
}

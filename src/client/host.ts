import { CmlConfigError } from '../errors/index.js';

/**
 * Normalises what a user types as a workspace host into a base URL:
 * `ml-x.example.site` -> `https://ml-x.example.site`; a trailing `/api/v2` or `/api/v1`
 * (as CDSW_API_URL carries) and slashes are dropped.
 * @throws CmlConfigError when the value cannot be a host.
 */
export function normaliseHost(input: string): string {
  const raw = input.trim();
  if (!raw)
    throw new CmlConfigError('The host is empty: give the workspace URL, e.g. https://ml-1234.example.site');
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new CmlConfigError(
      `"${input}" is not a host or URL: give the workspace address, e.g. https://ml-1234.example.site`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CmlConfigError(
      `"${input}" uses ${url.protocol}; a workspace is reached over https:// (or http://)`,
    );
  }
  if (!url.hostname || /\s/.test(raw)) {
    throw new CmlConfigError(`"${input}" is not a host or URL: e.g. https://ml-1234.example.site`);
  }
  if (url.username || url.password) {
    throw new CmlConfigError(
      'Put the API key in --token-stdin, CML_API_KEY or `cmlsh login`, not in the host URL',
    );
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v[12]$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

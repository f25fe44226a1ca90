import { normaliseHost } from '../client/host.js';
import { CmlConfigError } from '../errors/index.js';
import { checkToken } from './check-token.js';
import { type ProfilesConfig, readProfiles } from './profiles.js';
import type { SecretStore } from './secret-store.js';

/** Where a host or token came from, for whoami and messages. */
export type CredentialSource = 'flag' | 'stdin' | 'env' | 'cml-session' | 'profile';

export interface CredentialInputs {
  /** `--host` */
  readonly host?: string | undefined;
  /** `--token` (visible to other processes) */
  readonly token?: string | undefined;
  /** A token already read from stdin for `--token-stdin`. */
  readonly stdinToken?: string | undefined;
  /** `--profile` */
  readonly profile?: string | undefined;
}

export interface Credentials {
  /** Normalised base URL. */
  readonly host: string;
  readonly token: string;
  readonly hostSource: CredentialSource;
  readonly tokenSource: CredentialSource;
  /** The profile the host or token came from, if any. */
  readonly profile: string | undefined;
}

export interface ResolveOptions {
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** The keychain; asked only when no other source gives a token. */
  readonly secrets: () => SecretStore;
  readonly readConfig?: (() => Promise<ProfilesConfig>) | undefined;
  /** Told about risky choices (a token on the command line). */
  readonly onWarning?: ((message: string) => void) | undefined;
}

/** How to give a host, for the error that says none was found. */
export const HOST_HELP =
  'Give one with --host URL, the CML_HOST environment variable, or save it with `cmlsh login --host URL`; inside a CML session CDSW_DOMAIN is used';

/** How to give a token, for the error that says none was found. */
export const TOKEN_HELP =
  'Give one with `cmlsh login` (stored in the keychain), the CML_API_KEY environment variable, or --token-stdin (--token works too but is visible to other processes); inside a CML session CDSW_APIV2_KEY is used';

/**
 * Finds the workspace and API key, first source wins:
 * 1. `--host` / `--token` (or `--token-stdin`), 2. `CML_HOST` / `CML_API_KEY`,
 * 3. inside a CML session `CDSW_DOMAIN` or `CDSW_API_URL` with `CDSW_APIV2_KEY`,
 * 4. the profile (`--profile`, else the default one): host from config, key from the keychain.
 * The keychain is only asked when nothing before it gave a token, and only for the
 * profile's own host, so a key is never sent to a workspace it was not saved for.
 * @throws CmlConfigError naming every way to give what is missing.
 */
export async function resolveCredentials(
  inputs: CredentialInputs,
  options: ResolveOptions,
): Promise<Credentials> {
  const env = options.env ?? process.env;
  if (inputs.token !== undefined && inputs.stdinToken === undefined) {
    options.onWarning?.(
      'Warning: a token on the command line is visible to other processes; prefer `cmlsh login`, CML_API_KEY or --token-stdin',
    );
  }
  let host: { value: string; source: CredentialSource } | undefined;
  let token: { value: string; source: CredentialSource } | undefined;
  const take = (value: string | undefined, source: CredentialSource) =>
    value?.trim() ? { value: value.trim(), source } : undefined;

  host = take(inputs.host, 'flag') ?? take(env.CML_HOST, 'env');
  token = take(inputs.stdinToken, 'stdin') ?? take(inputs.token, 'flag') ?? take(env.CML_API_KEY, 'env');

  const sessionHost =
    take(env.CDSW_API_URL, 'cml-session') ?? take(domainUrl(env.CDSW_DOMAIN), 'cml-session');
  const sessionToken = take(env.CDSW_APIV2_KEY, 'cml-session');
  if (!host && sessionHost) host = sessionHost;
  // The session's key belongs to the session's workspace: only pair it with that host.
  if (!token && sessionToken && host && sessionHost && sameHost(host.value, sessionHost.value)) {
    token = sessionToken;
  }

  let profile: string | undefined;
  // A profile that was asked for must exist, even when flags or the environment give the
  // rest: a typo in --profile is never silently ignored.
  if (!host || !token || inputs.profile !== undefined) {
    const config = await (options.readConfig ?? (() => readProfiles()))();
    const name = inputs.profile ?? config.defaultProfile;
    if (inputs.profile !== undefined && !config.profiles[inputs.profile]) {
      const known = Object.keys(config.profiles);
      throw new CmlConfigError(
        `No profile "${inputs.profile}". ${known.length ? `Profiles: ${known.join(', ')}` : 'None is saved yet'}; create one with \`cmlsh login --profile ${inputs.profile} --host URL\``,
      );
    }
    const saved = name ? config.profiles[name] : undefined;
    if (saved && name) {
      if (!host) host = { value: saved.host, source: 'profile' };
      if (!token && sameHost(host.value, saved.host)) {
        const secret = await options.secrets().get(name);
        if (secret) token = { value: secret, source: 'profile' };
      }
      if (host.source === 'profile' || token?.source === 'profile') profile = name;
    }
  }

  if (!host) throw new CmlConfigError(`No CML workspace host given. ${HOST_HELP}.`);
  const normalised = normaliseHost(host.value);
  if (!token) throw new CmlConfigError(`No API key for ${normalised}. ${TOKEN_HELP}.`);
  return {
    host: normalised,
    token: checkToken(token.value, ...tokenOrigin(token.source, profile)),
    hostSource: host.source,
    tokenSource: token.source,
    profile,
  };
}

/** Where a key came from and how to fix it, for checkToken's message. */
function tokenOrigin(source: CredentialSource, profile: string | undefined): [string, string?] {
  switch (source) {
    case 'flag':
      return ['--token'];
    case 'stdin':
      return ['--token-stdin', 'pipe in the key alone'];
    case 'env':
      return ['CML_API_KEY', 'set it to the key alone'];
    case 'cml-session':
      return ['CDSW_APIV2_KEY', 'set it to the key alone'];
    case 'profile':
      return [`the keychain (profile ${profile})`, `save it again with \`cmlsh login --profile ${profile}\``];
  }
}

function domainUrl(domain: string | undefined): string | undefined {
  return domain?.trim() ? domain.trim() : undefined;
}

function sameHost(a: string, b: string): boolean {
  try {
    return normaliseHost(a) === normaliseHost(b);
  } catch {
    return false;
  }
}

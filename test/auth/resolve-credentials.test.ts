import { describe, expect, it } from 'vitest';
import { type ProfilesConfig, resolveCredentials, type SecretStore } from '../../src/auth/index.js';
import { CmlConfigError } from '../../src/errors/index.js';

/** A store that records which accounts were asked for. */
function memoryStore(secrets: Record<string, string>) {
  const asked: string[] = [];
  const store: SecretStore = {
    async get(account) {
      asked.push(account);
      return secrets[account];
    },
    async set() {},
    async delete() {
      return false;
    },
  };
  return { store, asked };
}

const config: ProfilesConfig = {
  defaultProfile: 'work',
  profiles: { work: { host: 'https://work.example.site' }, lab: { host: 'lab.example.site' } },
};

function resolve(inputs: Parameters<typeof resolveCredentials>[0], env: NodeJS.ProcessEnv, secrets = {}) {
  const { store, asked } = memoryStore(secrets);
  const warnings: string[] = [];
  const result = resolveCredentials(inputs, {
    env,
    secrets: () => store,
    readConfig: async () => config,
    onWarning: (message) => warnings.push(message),
  });
  return { result, asked, warnings };
}

describe('resolveCredentials', () => {
  it('flags first, with a warning for --token but not for --token-stdin', async () => {
    const flag = resolve({ host: 'a.example/api/v2', token: 'T' }, { CML_HOST: 'b', CML_API_KEY: 'E' });
    expect(await flag.result).toMatchObject({ host: 'https://a.example', token: 'T', tokenSource: 'flag' });
    expect(flag.warnings).toHaveLength(1);
    const stdin = resolve({ host: 'a.example', stdinToken: 'S' }, {});
    expect(await stdin.result).toMatchObject({ token: 'S', tokenSource: 'stdin' });
    expect(stdin.warnings).toEqual([]);
  });

  it('then CML_HOST / CML_API_KEY, without asking the keychain', async () => {
    const { result, asked } = resolve({}, { CML_HOST: 'env.example', CML_API_KEY: 'E' }, { work: 'K' });
    expect(await result).toMatchObject({ host: 'https://env.example', token: 'E', hostSource: 'env' });
    expect(asked).toEqual([]);
  });

  it('then the CML session: CDSW_API_URL without /api/v1, or CDSW_DOMAIN', async () => {
    const url = resolve({}, { CDSW_API_URL: 'https://ml.example/api/v1', CDSW_APIV2_KEY: 'C' });
    expect(await url.result).toMatchObject({
      host: 'https://ml.example',
      token: 'C',
      tokenSource: 'cml-session',
    });
    const domain = resolve({}, { CDSW_DOMAIN: 'ml.example', CDSW_APIV2_KEY: 'C' });
    expect(await domain.result).toMatchObject({ host: 'https://ml.example', token: 'C' });
  });

  it('then the default profile: host from config, key from the keychain', async () => {
    const { result, asked } = resolve({}, {}, { work: 'K' });
    expect(await result).toMatchObject({ host: 'https://work.example.site', token: 'K', profile: 'work' });
    expect(asked).toEqual(['work']);
  });

  it('never sends a profile key to another host', async () => {
    const { result, asked } = resolve({ host: 'other.example' }, {}, { work: 'K' });
    await expect(result).rejects.toThrow(/No API key for https:\/\/other\.example/);
    expect(asked).toEqual([]);
  });

  it('never sends CML_API_KEY to a --host other than CML_HOST, and says how to pass that host a key', async () => {
    const env = { CML_HOST: 'env.example', CML_API_KEY: 'E' };
    const other = resolve({ host: 'other.example' }, env);
    const error = await other.result.catch((e: unknown) => e as CmlConfigError);
    expect(error).toBeInstanceOf(CmlConfigError);
    expect((error as CmlConfigError).message).toBe(
      'CML_API_KEY was not sent to https://other.example: it is the key of CML_HOST (https://env.example)',
    );
    expect((error as CmlConfigError).hint).toBe('key-for-host');
    // The same host in another spelling, and a --host with no CML_HOST to pair with, still get it.
    expect(await resolve({ host: 'https://env.example/api/v2' }, env).result).toMatchObject({ token: 'E' });
    expect(await resolve({ host: 'other.example' }, { CML_API_KEY: 'E' }).result).toMatchObject({
      token: 'E',
    });
    // A key for that host from elsewhere (its profile) is used instead.
    const profiled = resolve({ host: 'work.example.site' }, env, { work: 'K' });
    expect(await profiled.result).toMatchObject({ token: 'K', tokenSource: 'profile' });
  });

  it('--profile picks another profile; an unknown one is named with the known ones', async () => {
    const lab = resolve({ profile: 'lab' }, {}, { lab: 'L' });
    expect(await lab.result).toMatchObject({ host: 'https://lab.example.site', token: 'L', profile: 'lab' });
    const none = resolve({ profile: 'nope' }, {});
    await expect(none.result).rejects.toThrow(/No profile "nope".*work, lab/);
  });

  it('a missing host is a CmlConfigError (exit 2)', async () => {
    const { store } = memoryStore({});
    const error = await resolveCredentials(
      {},
      {
        env: {},
        secrets: () => store,
        readConfig: async () => ({ defaultProfile: undefined, profiles: {} }),
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmlConfigError);
    expect((error as CmlConfigError).exitCode).toBe(2);
  });
});

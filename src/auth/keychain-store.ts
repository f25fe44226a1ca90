import { CmlConfigError } from '../errors/index.js';
import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store.js';

/** The slice of keytar cmlsh uses. */
interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const ALTERNATIVES =
  'Give the API key another way: set the CML_API_KEY environment variable, or pipe it in with --token-stdin';

/**
 * The system keychain (Secret Service on Linux, Keychain on macOS, Credential Vault on
 * Windows) through keytar, loaded on first use only: it is a native module, and most
 * commands never need it. Service `cmlsh`, account = profile name.
 * Every failure to reach a keychain becomes a CmlConfigError that says so plainly and names
 * the alternatives; nothing is ever written to disk in its place.
 */
export function keychainStore(service = KEYCHAIN_SERVICE): SecretStore {
  let loading: Promise<Keytar> | undefined;
  const keytar = () => {
    loading ??= loadKeytar();
    return loading;
  };
  return {
    async get(account) {
      const k = await keytar();
      return (await guard(() => k.getPassword(service, account))) ?? undefined;
    },
    async set(account, secret) {
      const k = await keytar();
      await guard(() => k.setPassword(service, account, secret));
    },
    async delete(account) {
      const k = await keytar();
      return guard(() => k.deletePassword(service, account));
    },
  };
}

async function loadKeytar(): Promise<Keytar> {
  try {
    const module = (await import('keytar')) as unknown as { default?: Keytar } & Partial<Keytar>;
    const keytar = module.default ?? (module as Keytar);
    if (typeof keytar.getPassword !== 'function') throw new Error('keytar has no getPassword');
    return keytar;
  } catch (error) {
    throw new CmlConfigError(
      `No keychain is available: the keytar module could not be loaded (${oneLine(error)}). ${ALTERNATIVES}`,
      { cause: error },
    );
  }
}

async function guard<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    // libsecret reports a missing D-Bus or Secret Service as a plain Error; so does a locked
    // or absent keychain elsewhere. None of them is something cmlsh can fix by itself.
    throw new CmlConfigError(`No keychain is available (${oneLine(error)}). ${ALTERNATIVES}`, {
      cause: error,
    });
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

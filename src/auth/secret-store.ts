/**
 * Where API keys live. Tokens are only ever kept behind this interface: never in the
 * config file, never in history, never in a cache.
 */
export interface SecretStore {
  /** The secret stored for `account`, or undefined when there is none. @throws CmlConfigError when the store is unavailable. */
  get(account: string): Promise<string | undefined>;
  /** Stores (or replaces) the secret of `account`. @throws CmlConfigError when the store is unavailable. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret of `account`; true when there was one. @throws CmlConfigError when the store is unavailable. */
  delete(account: string): Promise<boolean>;
}

/** Service name under which cmlsh keeps its keys in the system keychain. */
export const KEYCHAIN_SERVICE = 'cmlsh';

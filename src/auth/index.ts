/**
 * auth/: where the host and API key come from (flags, environment, CML session, profile)
 * and where keys are kept (the system keychain, behind SecretStore).
 */

export { checkToken } from './check-token.js';
export { keychainStore } from './keychain-store.js';
export {
  checkProfileName,
  configPath,
  type Profile,
  type ProfilesConfig,
  readProfiles,
  writeProfiles,
} from './profiles.js';
export { promptSecret, readStdinSecret } from './read-secret.js';
export {
  type CredentialInputs,
  type CredentialSource,
  type Credentials,
  HOST_HELP,
  type ResolveOptions,
  resolveCredentials,
  TOKEN_HELP,
} from './resolve-credentials.js';
export { KEYCHAIN_SERVICE, type SecretStore } from './secret-store.js';

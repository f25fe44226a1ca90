import type { HintTexts } from '../errors/index.js';

/**
 * What to do about an error, in the terms of the prompt (and of scripts run with
 * `cmlsh run`): call options for what one call can change, a restart for what the
 * shell was started with.
 */
export const REPL_HINTS: HintTexts = {
  timeout: 'Allow more time with { timeoutMs }: api.withOptions({ timeoutMs: 120000 }).listProjects()',
  login: 'Leave the shell and run `cmlsh login`, or start it with CML_API_KEY or --token-stdin',
  'ca-cert': 'If the workspace uses a private CA, start cmlsh with --ca-cert FILE or set NODE_EXTRA_CA_CERTS',
  'plain-http': 'If it serves plain HTTP, start cmlsh with --host http://…',
  'host-unreachable': 'Nothing listens at the host this shell was started with; check it',
  'host-unknown': 'Check the spelling of the host this shell was started with',
  'key-for-host': 'Start cmlsh with the key for that workspace (--token-stdin), or set CML_HOST to it',
};

import type { HintTexts } from '../errors/index.js';

/** What to do about an error, in command-line terms (flags and commands). */
export const CLI_HINTS: HintTexts = {
  timeout: 'Allow more time with --timeout MS, or check the host answers',
  login: 'Check the API key: run `cmlsh login`, or set CML_API_KEY, or pass --token-stdin',
  'ca-cert': 'If the workspace uses a private CA, pass --ca-cert FILE or set NODE_EXTRA_CA_CERTS',
  'plain-http': 'If it serves plain HTTP, give --host as http://…',
  'host-unreachable': 'Check --host: nothing listens there',
  'host-unknown': 'Check the spelling of --host',
  'key-for-host':
    'Pass the key for that workspace with --token-stdin, or set CML_HOST to it along with CML_API_KEY',
};

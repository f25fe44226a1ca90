import { type ApiErrorDetails, CmlApiError } from './cml-api-error.js';

/** 401: the key is missing, wrong or expired. The message says how to give a good one. */
export class CmlAuthError extends CmlApiError {
  override name = 'CmlAuthError';

  constructor(details: ApiErrorDetails) {
    super(details, 'Check the API key: run `cmlsh login`, or set CML_API_KEY, or pass --token-stdin');
  }
}

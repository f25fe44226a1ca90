import { type ApiErrorDetails, CmlApiError } from './cml-api-error.js';

/** 401: the key is missing, wrong or expired. Its hint says how to give a good one. */
export class CmlAuthError extends CmlApiError {
  override name = 'CmlAuthError';

  constructor(details: ApiErrorDetails) {
    super(details, 'login');
  }
}

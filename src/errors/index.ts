/** The error family: one class per kind, each with an exit code and an actionable message. */

export { CmlAbortError } from './cml-abort-error.js';
export { type ApiErrorDetails, CmlApiError, grpcCodeName } from './cml-api-error.js';
export { CmlAuthError } from './cml-auth-error.js';
export { CmlConfigError } from './cml-config-error.js';
export { CmlError, type CmlErrorOptions, isCmlError } from './cml-error.js';
export { CmlNetworkError } from './cml-network-error.js';
export { CmlResponseError } from './cml-response-error.js';
export { CmlSpecError } from './cml-spec-error.js';
export { CmlTimeoutError } from './cml-timeout-error.js';
export { CmlUsageError } from './cml-usage-error.js';
export { CmlWaitFailedError, CmlWaitTimeoutError, formatElapsed } from './cml-wait-error.js';
export { describeError, errorJson, exitCodeOf } from './describe-error.js';
export { formatDuration } from './format-duration.js';
export type { HintKind, HintTexts } from './hint.js';
export { describeRequest, type RequestInfo } from './request-info.js';

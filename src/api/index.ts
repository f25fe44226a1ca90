/**
 * api/: the `api` object. One method per operation of the spec (camelCase and the Python
 * client's snake_case), argument checking, pages and lazy iteration, help text.
 */

// For work that should wait until the call just made is on the wire (tui/entry.ts).
export { requestsSent } from '../client/index.js';
export { type CollectedArguments, collectArguments } from './bind-arguments.js';
export { bindArguments, buildRequest, type CallArgs } from './build-request.js';
export { type CallAsCode, callAsCode } from './call-as-code.js';
export { CALL_INFO, type CallInfo, callInfoOf } from './call-info.js';
export { describeType } from './check-value.js';
export { createCmlapi, type ModelConstructor } from './cmlapi.js';
export { type Connection, type ConnectOptions, connect } from './connect.js';
export {
  API_META,
  type Api,
  type ApiExtras,
  type ApiMeta,
  type ApiMethod,
  type ApiOptions,
  type CallOptions,
  createApi,
} from './create-api.js';
export { exampleCall, examplePythonCall, type SeenValue } from './example-call.js';
export { HelpText } from './help-object.js';
export { type HelpOptions, helpText } from './help-text.js';
export { ItemStream } from './item-stream.js';
export { isPage, PAGE_INFO, Page, type PageInfo, pageFromAnswer, walkPages } from './page.js';
export { PAGING_LIMITS, type PageStep, PageTrail, type PagingLimits } from './page-trail.js';
export { argumentNames, paramIndex } from './param-index.js';
export { OperationIndex } from './resolve-operation.js';
export { decorateResult } from './result-object.js';
export { ResultSources } from './result-sources.js';
export {
  objectForm,
  positionalForm,
  positionalSlots,
  pythonSignature,
  type Slot,
  signatures,
} from './signature.js';
export { explainNotAFunction } from './unknown-method.js';
export {
  DEFAULT_WAIT_TIMEOUT_MS,
  outcomeOf,
  requireWaitKind,
  type WaitOptions,
  type WaitResult,
  type WaitTarget,
  waitFor,
  waitKindOfAnswer,
  waitTargets,
} from './wait.js';
export { findWaitKind, type WaitKind, waitKinds } from './wait-kinds.js';
export { isWaitPromise, readThrough, WAIT_PROMISE } from './wait-method.js';
export { progressText, type WaitProgress } from './wait-progress.js';
export type { Outcome } from './wait-states.js';

import { type CallAsCode, callAsCode } from '../../api/call-as-code.js';
import { memoLast } from './memo.js';
import { codeCall } from './select.js';
import type { BrowserState, ViewState } from './types.js';

const written = memoLast((call: ViewState['call'], baseUrl: string) =>
  call ? callAsCode(call.operation, call.args, baseUrl) : undefined,
);

/** The call behind the view as JavaScript, curl and Python; undefined when it was given as values. */
export function codeOf(state: BrowserState, view: ViewState): CallAsCode | undefined {
  return written(codeCall(state, view), state.env.baseUrl);
}

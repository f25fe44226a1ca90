import { callAsCode } from '../api/index.js';
import type { Operation } from '../spec/index.js';

/** A call the session made: what `.code` writes out. */
export interface LastCall {
  readonly operation: Operation;
  /** As the caller passed them; a page token is left out of the code. */
  readonly args: Readonly<Record<string, unknown>>;
}

export const NO_CALL_YET = 'No call yet: make one, e.g. await api.listProjects()';
export const CODE_USAGE = 'Usage: .code [js|curl|python]';

const FORMS = {
  js: 'javascript',
  javascript: 'javascript',
  curl: 'curl',
  python: 'python',
  py: 'python',
} as const;

/**
 * The text `.code [form]` prints: the last call as JavaScript for cmlsh, curl (reading the
 * key from `$API_KEY`) and Python for `cmlapi`, headed by what each is; or one form alone,
 * bare, so it can be pasted or piped as is.
 */
export function codeText(call: LastCall | undefined, form: string, baseUrl: string): string {
  const key = form.trim().toLowerCase();
  const only = Object.hasOwn(FORMS, key) ? FORMS[key as keyof typeof FORMS] : undefined;
  if (key && !only) return CODE_USAGE;
  if (!call) return NO_CALL_YET;
  const code = callAsCode(call.operation, call.args, baseUrl);
  if (only) return code[only];
  return [
    '// JavaScript, in cmlsh',
    code.javascript,
    '',
    '# curl: export API_KEY=<your API key> first',
    code.curl,
    '',
    '# Python, with cmlapi (pip install cmlapi)',
    code.python,
  ].join('\n');
}

import { CmlUsageError } from '../errors/index.js';
import { closest } from '../util/suggest.js';
import { API_META, type Api } from './create-api.js';

const NOT_A_FUNCTION = /^(api|cmlapi)\.([A-Za-z_$][\w$]*) is not a function$/;

/**
 * Answers JavaScript's `TypeError: api.listProjecs is not a function` the way `.help` and
 * `call` answer a typo: "api has no listProjecs; did you mean listProjects?". (`api` is a
 * plain object, not a Proxy, so Node's completer can list it: the typo is caught here,
 * after the fact, rather than on access.) Undefined for any other error.
 */
export function explainNotAFunction(error: unknown, api: Api): CmlUsageError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name !== 'TypeError' || typeof message !== 'string') return undefined;
  const match = NOT_A_FUNCTION.exec(message);
  if (!match?.[2]) return undefined;
  const [, owner, typed] = match;
  const { spec } = api[API_META];
  const names =
    owner === 'api'
      ? spec.operations.map((op) => (typed.includes('_') ? op.pythonName : op.name))
      : [...Object.keys(spec.definitions), 'default_client', 'CMLServiceApi', 'ApiClient', 'Configuration'];
  const near = closest(typed, names, 1);
  const hint = near.length
    ? ` did you mean ${near.join(', ')}?`
    : owner === 'api'
      ? ' list the operations with .ops'
      : ' its models are named as in the spec, e.g. CreateJobRequest';
  return new CmlUsageError(`${owner} has no ${typed};${hint}`);
}

import { type OperationIndex, paramIndex } from '../api/index.js';
import { type ApiSpec, camelName, type Operation } from '../spec/index.js';
import { findCallSite } from './call-site.js';

/** A list call whose items are the ids of one parameter, with the path arguments it needs. */
export interface IdSource {
  readonly operation: Operation;
  readonly args: Readonly<Record<string, string>>;
  /** The parameter whose ids the call lists: `projectId`. */
  readonly param: string;
}

/** `key: 'value'` and `key: "value"` pairs written on a line; enough to find path arguments. */
const STRING_ARGUMENT = /([\w$]+)['"]?\s*:\s*(['"])([^'"\\]+)\2/g;

/**
 * Which list operation names the ids of each parameter, read off the spec's resource graph
 * as `SeenIds` does: the items of `GET /api/v2/projects/{project_id}/jobs` are what `{job_id}` in
 * `/api/v2/projects/{project_id}/jobs/{job_id}` picks. Pure; it only reads the spec.
 */
export class IdSources {
  /** Parameter name -> the list operations whose items it picks. */
  private readonly lists = new Map<string, Operation[]>();

  constructor(spec: Pick<ApiSpec, 'operations' | 'resources'>) {
    const byId = new Map(spec.operations.map((op) => [op.operationId, op]));
    for (const op of spec.operations) {
      const { idParam, verb, key } = op.resource;
      const listId = spec.resources[key]?.list;
      const list = listId === undefined ? undefined : byId.get(listId);
      // Only a paged list is fetched for completion: it can be asked for one page.
      if (!idParam || verb !== undefined || !list?.list) continue;
      const name = camelName(idParam);
      const known = this.lists.get(name) ?? [];
      if (!known.includes(list)) known.push(list);
      this.lists.set(name, known);
    }
  }

  /**
   * The list call that would supply ids for the value being typed at the end of `line`
   * (`api.getJob({projectId: 'p1', jobId: '`), its path arguments taken from the line.
   * Undefined when the cursor is not in an id value, or the line lacks a path argument
   * the list needs (a guess would fetch someone else's jobs).
   */
  find(line: string, operations: OperationIndex): IdSource | undefined {
    const site = findCallSite(line);
    if (site?.kind !== 'value' || site.nested) return undefined;
    const op = operations.find(site.method);
    const param = op ? paramIndex(op).get(site.key) : undefined;
    if (!param || param.enum) return undefined;
    const written = [...line.matchAll(STRING_ARGUMENT)];
    for (const list of this.lists.get(param.name) ?? []) {
      const index = paramIndex(list);
      const args: Record<string, string> = {};
      for (const [, key = '', , value = ''] of written) {
        const pathParam = index.get(key);
        if (pathParam?.in === 'path') args[pathParam.name] = value;
      }
      const needed = list.params.filter((p) => p.in === 'path');
      if (needed.every((p) => args[p.name] !== undefined))
        return { operation: list, args, param: param.name };
    }
    return undefined;
  }
}

import { paramIndex } from '../api/index.js';
import { type ApiSpec, camelName, type Operation } from '../spec/index.js';

const MAX_PER_NAME = 500;
/** Fields that name a resource for a person, in the order they are preferred. */
const LABEL_FIELDS = ['name', 'title', 'username', 'display_name', 'email'] as const;

/**
 * Ids the session has already been sent, by the parameter name they fill (`projectId`,
 * `jobId`, `username`...), newest first. Completion offers them without a network call.
 *
 * Which parameter an item's `id` fills is read off the spec's resource graph, not written
 * per endpoint: the items of `GET /api/v2/projects/{project_id}/jobs` are what `{job_id}` in
 * `/api/v2/projects/{project_id}/jobs/{job_id}` names, so their ids are `jobId`s.
 * Beside each id it keeps the resource's name (`name`, `title`, `username`...) when the
 * answer had one, so completion can show which project an id is.
 */
export class SeenIds {
  private readonly values = new Map<string, string[]>();
  /** Parameter name -> id -> the name of the resource it picks. */
  private readonly labels = new Map<string, Map<string, string>>();
  constructor(private readonly spec: Pick<ApiSpec, 'resources'>) {}

  /** Remembers the ids in one successful answer and the path arguments that got it. */
  record(op: Operation, args: Readonly<Record<string, unknown>>, data: unknown): void {
    const index = paramIndex(op);
    for (const [key, value] of Object.entries(args)) {
      const param = index.get(key);
      if (param?.in === 'path' && typeof value === 'string') this.add(param.name, value);
    }
    if (!data || typeof data !== 'object' || data instanceof Uint8Array) return;
    const record = data as Record<string, unknown>;
    const listField = op.resource.listField;
    const items = listField ? record[listField] : undefined;
    if (Array.isArray(items)) {
      const name = this.memberParam(op);
      for (const item of items) this.recordResource(item, name);
    } else if (!op.list) {
      this.recordResource(record, this.resourceParam(op));
    }
  }

  /** Values seen for a parameter, newest first (an empty list when none). */
  get(name: string): readonly string[] {
    return this.values.get(name) ?? [];
  }

  /** The name of the resource `value` picks, when an answer carried one. */
  label(name: string, value: string): string | undefined {
    return this.labels.get(name)?.get(value);
  }

  /**
   * Adds a value, moving it to the front when already known. A label replaces the one
   * kept for the value; without one, the old label stays (a path argument names nothing).
   */
  add(name: string, value: string, label?: string): void {
    if (!value) return;
    const list = this.values.get(name) ?? [];
    const at = list.indexOf(value);
    if (at !== -1) list.splice(at, 1);
    list.unshift(value);
    if (list.length > MAX_PER_NAME) {
      const dropped = list.pop();
      if (dropped !== undefined) this.labels.get(name)?.delete(dropped);
    }
    this.values.set(name, list);
    if (label) {
      const labels = this.labels.get(name) ?? new Map<string, string>();
      labels.set(value, label);
      this.labels.set(name, labels);
    }
  }

  /** `getProject` answers a project: `{project_id}` in its own path; `createJob` answers a job. */
  private resourceParam(op: Operation): string | undefined {
    // A verb's answer (`:stop`, `:download`) need not be the item it acts on.
    if (op.resource.verb !== undefined) return undefined;
    const own = op.resource.idParam;
    return own ? camelName(own) : this.memberParam(op);
  }

  /** camelCase name of the parameter that picks one member of the operation's collection. */
  private memberParam(op: Operation): string | undefined {
    const idParam = this.spec.resources[op.resource.key]?.idParam;
    return idParam ? camelName(idParam) : undefined;
  }

  private recordResource(item: unknown, idName: string | undefined): void {
    if (!item || typeof item !== 'object') return;
    const record = item as Record<string, unknown>;
    const id = record.id;
    if (idName && (typeof id === 'string' || typeof id === 'number'))
      this.add(idName, String(id), labelOf(record));
    for (const [field, value] of Object.entries(record)) {
      if (field.endsWith('_id') && typeof value === 'string') this.add(camelName(field), value);
      if (field === 'username' && typeof value === 'string') this.add('username', value);
      if ((field === 'owner' || field === 'creator') && value && typeof value === 'object') {
        const username = (value as Record<string, unknown>).username;
        if (typeof username === 'string') this.add('username', username);
      }
    }
  }
}

function labelOf(record: Record<string, unknown>): string | undefined {
  for (const field of LABEL_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

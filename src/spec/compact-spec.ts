import { CmlSpecError } from '../errors/index.js';
import { once } from '../util/once.js';
import type { ApiSpec, Operation } from './types.js';

/**
 * The normalised spec as the cache keeps it. Parsing the whole of it as one JSON document
 * (450 KB: every parameter with its schema and description, every definition) was 8-9 ms of
 * every start, for a prompt that reads the operations' names. So the file is a small head,
 * parsed at once, and parts parsed when first read: each operation's details (method, path,
 * parameters, body, response, texts), the resource graph, the definitions.
 *
 * Layout: `CMLSH-SPEC <head bytes>\n`, the head as JSON, then the parts back to back; the
 * head gives each part's byte range after the head. Bytes, not characters: a part is decoded
 * from the file's buffer only when it is read.
 */

/** What the cache file keeps beside the spec: whose it is and which fetch it came from. */
export interface CompactStamp {
  readonly format: number;
  readonly cmlsh: string;
  readonly fetchedAt: number;
}

/**
 * The operation fields in the head: what building `api` reads (its names, and whether it
 * pages). The rest of each operation is its part.
 */
type HeadField = 'operationId' | 'name' | 'pythonName' | 'list';
type Details = Omit<Operation, HeadField>;
type Range = readonly [start: number, end: number];

interface Head {
  readonly stamp: CompactStamp;
  readonly title: string;
  readonly version: string;
  readonly operations: readonly (Pick<Operation, HeadField> & { readonly part: Range })[];
  readonly resources: Range;
  readonly definitions: Range;
  /** Bytes of all parts: a file cut short is refused when read, not when a part is. */
  readonly partBytes: number;
}

const MAGIC = 'CMLSH-SPEC ';

/** The spec as cache file bytes. */
export function packSpec(spec: ApiSpec, stamp: CompactStamp): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  const part = (value: unknown): Range => {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    parts.push(bytes);
    const range: Range = [offset, offset + bytes.length];
    offset += bytes.length;
    return range;
  };
  const operations = spec.operations.map((op) => ({
    operationId: op.operationId,
    name: op.name,
    pythonName: op.pythonName,
    list: op.list,
    part: part(detailsOf(op)),
  }));
  const resources = part(spec.resources);
  const definitions = part(spec.definitions);
  const head: Head = {
    stamp,
    title: spec.title,
    version: spec.version,
    operations,
    resources,
    definitions,
    partBytes: offset,
  };
  const headBytes = Buffer.from(JSON.stringify(head), 'utf8');
  return Buffer.concat([Buffer.from(`${MAGIC}${headBytes.length}\n`, 'latin1'), headBytes, ...parts]);
}

/**
 * The spec back from cache file bytes, its parts still unparsed; undefined when the bytes are
 * not such a file or are cut short. A part found damaged when read throws a CmlSpecError
 * naming the file (`where`), after `onDamaged` (the cache forgets the file, so the next
 * start builds it again from the raw spec).
 */
export function unpackSpec(
  bytes: Buffer,
  source: string,
  where: string,
  onDamaged: () => void = () => {},
): { spec: ApiSpec; stamp: CompactStamp } | undefined {
  const newline = bytes.indexOf(10);
  const first = newline > 0 ? bytes.toString('latin1', 0, newline) : '';
  if (!first.startsWith(MAGIC)) return undefined;
  const headLength = Number(first.slice(MAGIC.length));
  const base = newline + 1 + headLength;
  if (!Number.isSafeInteger(headLength) || base > bytes.length) return undefined;
  const head = JSON.parse(bytes.toString('utf8', newline + 1, base)) as Head;
  if (!Array.isArray(head.operations) || base + head.partBytes !== bytes.length) return undefined;

  const read = (range: Range, what: string): unknown => {
    try {
      return JSON.parse(bytes.toString('utf8', base + range[0], base + range[1]));
    } catch (error) {
      onDamaged();
      throw new CmlSpecError(
        `The cached spec ${where} was damaged (${what} does not read) and is removed: run the command again, and the spec is read anew`,
        source,
        { cause: error },
      );
    }
  };
  const operations = head.operations.map(
    (op) =>
      new CachedOperation(
        op,
        once(() => read(op.part, `operation ${op.operationId}`) as Details),
      ),
  );
  const spec = lazy(
    lazy(
      { title: head.title, version: head.version, source, operations },
      'resources',
      () => read(head.resources, 'the resource graph') as ApiSpec['resources'],
    ),
    // One part: the shell's `cmlapi` reads every definition as the prompt comes up anyway,
    // and 270 lazy properties cost more to define (~1 ms) than the one parse they spread out.
    'definitions',
    () => read(head.definitions, 'the definitions') as ApiSpec['definitions'],
  );
  return { spec, stamp: head.stamp };
}

/** An operation's fields but the head's, read once each (from a cached operation, its getters). */
function detailsOf(op: Operation): Details {
  const { method, path, shape, resource, summary, description } = op;
  const { params, body, multipart, response, filterKeys, sortKeys } = op;
  return {
    method,
    path,
    shape,
    resource,
    summary,
    description,
    params,
    body,
    multipart,
    response,
    filterKeys,
    sortKeys,
  };
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * An operation of the cache file: its head fields, the rest parsed from its part when one of
 * them is first read. Getters on a class: defining them per object cost more than the
 * parse they save (1.5-2.5 ms for 158 operations). Printed and written as JSON, it is the
 * plain operation; spread, it is only its head, which nothing in cmlsh does.
 */
class CachedOperation implements Operation {
  readonly operationId: string;
  readonly name: string;
  readonly pythonName: string;
  readonly list: Operation['list'];
  readonly #details: () => Details;

  constructor(head: Pick<Operation, HeadField>, details: () => Details) {
    this.operationId = head.operationId;
    this.name = head.name;
    this.pythonName = head.pythonName;
    this.list = head.list;
    this.#details = details;
  }

  get method() {
    return this.#details().method;
  }
  get path() {
    return this.#details().path;
  }
  get shape() {
    return this.#details().shape;
  }
  get resource() {
    return this.#details().resource;
  }
  get summary() {
    return this.#details().summary;
  }
  get description() {
    return this.#details().description;
  }
  get params() {
    return this.#details().params;
  }
  get body() {
    return this.#details().body;
  }
  get multipart() {
    return this.#details().multipart;
  }
  get response() {
    return this.#details().response;
  }
  get filterKeys() {
    return this.#details().filterKeys;
  }
  get sortKeys() {
    return this.#details().sortKeys;
  }

  /** The plain operation, its fields in the order normalising gives them. */
  toJSON(): Operation {
    return {
      operationId: this.operationId,
      name: this.name,
      pythonName: this.pythonName,
      method: this.method,
      path: this.path,
      shape: this.shape,
      summary: this.summary,
      description: this.description,
      params: this.params,
      body: this.body,
      multipart: this.multipart,
      response: this.response,
      list: this.list,
      filterKeys: this.filterKeys,
      sortKeys: this.sortKeys,
      resource: this.resource,
    };
  }

  [INSPECT](): Operation {
    return this.toJSON();
  }
}

/**
 * A property computed on first read and kept: enumerable so spreading, JSON and
 * `Object.entries` see it as any other field. It stays a getter: turning it into a plain
 * value on first read (defineProperty from inside the getter) is slow where many such
 * properties share an object: 50 ms for 270 definitions, when each was one.
 */
function lazy<T extends object, K extends string, V>(target: T, key: K, compute: () => V): T & Record<K, V> {
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get: once(compute) });
  return target as T & Record<K, V>;
}

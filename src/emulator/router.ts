import type { PathShape } from '../spec/path-shape.js';

/** What a request path resolved to. */
export interface RouteMatch<T> {
  readonly value: T;
  /** Path parameters by their wire name (`project_id`, `job.id`, `path`), URL-decoded. */
  readonly params: Readonly<Record<string, string>>;
}

interface Node<T> {
  readonly literals: Map<string, Node<T>>;
  param: Node<T> | undefined;
  /** A trailing `{path}` that may span slashes (project file paths). */
  rest: Node<T> | undefined;
  /** Custom verb ('' for none) -> method -> value and its template's parameter names. */
  readonly verbs: Map<string, Map<string, { value: T; names: string[] }>>;
}

function newNode<T>(): Node<T> {
  return { literals: new Map(), param: undefined, rest: undefined, verbs: new Map() };
}

/**
 * A segment trie compiled once from the spec's path templates, so matching costs the depth
 * of the path, not the number of operations. Literal segments win over parameters
 * (`/projects/batch` before `/projects/{project_id}`); a trailing parameter named `path`
 * swallows the rest of the URL; `:verb` suffixes (`:stop`, `:download`) select the verb.
 */
export class Router<T> {
  private readonly root: Node<T> = newNode();

  add(shape: PathShape, method: string, value: T): void {
    const { segments } = shape;
    let node = this.root;
    const names: string[] = [];
    // Templates sharing a prefix may name its parameter differently ({project_id} and
    // {project.id}), so nodes hold positions and each route keeps its own names.
    segments.forEach((segment, i) => {
      if (!('param' in segment)) {
        const next = node.literals.get(segment.literal) ?? newNode();
        node.literals.set(segment.literal, next);
        node = next;
        return;
      }
      const { param } = segment;
      names.push(param);
      if (param === 'path' && i === segments.length - 1) node = node.rest ??= newNode();
      else node = node.param ??= newNode();
    });
    const verb = shape.verb ?? '';
    const methods = node.verbs.get(verb) ?? new Map();
    node.verbs.set(verb, methods);
    methods.set(method, { value, names });
  }

  /**
   * Resolves a request path (without query). `pathKnown` tells a wrong method (405) from an
   * unknown path (404).
   * @throws URIError when a segment is not valid percent-encoding.
   */
  match(method: string, pathname: string): { match: RouteMatch<T> | undefined; pathKnown: boolean } {
    const segments = pathname.split('/');
    segments.shift();
    const last = segments[segments.length - 1] ?? '';
    const colon = last.lastIndexOf(':');
    const state = { pathKnown: false };
    if (colon > 0) {
      const withVerb = [...segments.slice(0, -1), last.slice(0, colon)];
      const found = this.walk(this.root, withVerb, 0, last.slice(colon + 1), method, [], state);
      if (found) return { match: found, pathKnown: true };
    }
    const found = this.walk(this.root, segments, 0, '', method, [], state);
    return { match: found, pathKnown: state.pathKnown || found !== undefined };
  }

  private walk(
    node: Node<T>,
    segments: readonly string[],
    i: number,
    verb: string,
    method: string,
    values: string[],
    state: { pathKnown: boolean },
  ): RouteMatch<T> | undefined {
    if (i === segments.length) {
      const methods = node.verbs.get(verb);
      if (!methods) return undefined;
      state.pathKnown = true;
      const route = methods.get(method);
      if (!route) return undefined;
      const params: Record<string, string> = {};
      route.names.forEach((name, k) => {
        params[name] = values[k] ?? '';
      });
      return { value: route.value, params };
    }
    const segment = segments[i] as string;
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.walk(literal, segments, i + 1, verb, method, values, state);
      if (found) return found;
    }
    if (node.param && segment !== '') {
      values.push(decodeURIComponent(segment));
      const found = this.walk(node.param, segments, i + 1, verb, method, values, state);
      values.pop();
      if (found) return found;
    }
    if (node.rest) {
      values.push(decodeURIComponent(segments.slice(i).join('/')));
      const found = this.walk(node.rest, segments, segments.length, verb, method, values, state);
      values.pop();
      if (found) return found;
    }
    return undefined;
  }
}

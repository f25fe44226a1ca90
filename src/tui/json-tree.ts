import { safeJson, toJson } from '../present/index.js';
import type { PathSegment } from './json-path.js';

/** The JSON kinds the tree colours differently. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** One visible line of the tree: a node, its depth, and whether it is folded. */
export interface TreeLine {
  /** Stable key of the node: its path as JSON. */
  readonly id: string;
  readonly path: readonly PathSegment[];
  readonly depth: number;
  /** The key or index under its parent; undefined for the root. */
  readonly label: PathSegment | undefined;
  readonly kind: JsonKind;
  readonly value: unknown;
  /** Objects and arrays: how many children. */
  readonly size: number;
  readonly folded: boolean;
}

/** The id `flattenTree` gives the node at `path`. */
export function nodeId(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

export function kindOf(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function children(value: unknown): [PathSegment, unknown][] {
  if (Array.isArray(value)) return value.map((child, i) => [i, child]);
  if (value !== null && typeof value === 'object') return Object.entries(value);
  return [];
}

/**
 * What a value is as JSON, one level down: its `toJSON()` where it has one (a Date, an
 * operation of the cached spec, `api`), as JSON.stringify and an export see it.
 */
function asJson(value: unknown): unknown {
  const toJSON = (value as { toJSON?: unknown } | null)?.toJSON;
  // Bytes stay as they were shown, not Buffer's { type, data }.
  if (typeof toJSON !== 'function' || value instanceof Uint8Array) return value;
  try {
    return toJSON.call(value);
  } catch {
    return value;
  }
}

/**
 * The lines of a JSON value with the `folded` nodes closed, depth first. Only what is
 * open is walked, so a folded large array costs one line.
 */
export function flattenTree(value: unknown, folded: ReadonlySet<string>): TreeLine[] {
  const lines: TreeLine[] = [];
  const visit = (raw: unknown, path: PathSegment[], label: PathSegment | undefined) => {
    const node = asJson(raw);
    const id = nodeId(path);
    const kind = kindOf(node);
    const kids = kind === 'object' || kind === 'array' ? children(node) : [];
    const isFolded = folded.has(id) && kids.length > 0;
    lines.push({
      id,
      path,
      depth: path.length,
      label,
      kind,
      value: node,
      size: kids.length,
      folded: isFolded,
    });
    if (isFolded) return;
    for (const [key, child] of kids) visit(child, [...path, key], key);
  };
  visit(value, [], undefined);
  return lines;
}

/** A scalar as JSON text, or a summary such as `{3}` / `[12]` for containers. */
export function scalarText(line: TreeLine): string {
  if (line.kind === 'object') return line.folded ? `{…${line.size}}` : `{${line.size}}`;
  if (line.kind === 'array') return line.folded ? `[…${line.size}]` : `[${line.size}]`;
  if (line.value === undefined) return 'null';
  // Server text is shown, never obeyed: JSON escapes C0 controls, safeJson the rest.
  return safeJson(toJson(line.value));
}

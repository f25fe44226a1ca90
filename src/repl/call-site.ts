/**
 * Where the cursor sits inside an `api.x({ ... })` call, read from the text before it.
 * A small scanner, not a parser: it tracks brackets and string literals, which is all
 * completion needs, and it never evaluates anything.
 */

/** The cursor is after `api.` (`prefix` is what follows it). */
export interface MemberSite {
  readonly kind: 'member';
  readonly prefix: string;
}

/** The cursor is where a key of the argument object (or of its `searchFilter`) goes. */
export interface KeySite {
  readonly kind: 'key';
  readonly method: string;
  /** `searchFilter` when inside `searchFilter: { ... }`, else undefined. */
  readonly nested: string | undefined;
  readonly prefix: string;
  /** The key is being typed inside quotes: `{ 'creator.` */
  readonly quoted: boolean;
  /** Keys already written in this object. */
  readonly present: readonly string[];
}

/** The cursor is in the value of `key` (`quoted`: inside a string literal). */
export interface ValueSite {
  readonly kind: 'value';
  readonly method: string;
  readonly nested: string | undefined;
  readonly key: string;
  readonly prefix: string;
  readonly quoted: boolean;
}

/** The cursor is in a positional argument of `api.x(`, cmlapi style: `api.get_job('p1', '`. */
export interface ArgumentSite {
  readonly kind: 'argument';
  readonly method: string;
  /** 0 for the first argument. */
  readonly index: number;
  /** The text of the arguments before this one. */
  readonly before: readonly string[];
  readonly prefix: string;
  readonly quoted: boolean;
}

export type CallSite = MemberSite | KeySite | ValueSite | ArgumentSite;

interface Frame {
  readonly char: string;
  readonly start: number;
  /** Index just after the last comma directly inside this frame. */
  segment: number;
  /** Where each argument before the current one starts and ends. */
  readonly commas: number[];
}

const CLOSE: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
const API_CALL = /(?:^|[^\w$.])api\s*\.\s*([A-Za-z_$][\w$]*)(?:\s*\.\s*(?:all|pages))?\s*$/;
const KEY_THEN_COLON = /^\s*(['"]?)([\w$.-]+)\1\s*:\s*$/;

/** Reads the cursor's place from `line` (the text before the cursor); undefined when not in a call. */
export function findCallSite(line: string): CallSite | undefined {
  const member = /(?:^|[^\w$.])api\.([\w$]*)$/.exec(line);
  if (member) return { kind: 'member', prefix: member[1] ?? '' };

  const stack: Frame[] = [];
  let quote = '';
  let stringStart = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      stringStart = i;
    } else if (c === '(' || c === '{' || c === '[') {
      stack.push({ char: c, start: i, segment: i + 1, commas: [] });
    } else if (c in CLOSE) {
      if (stack.at(-1)?.char === CLOSE[c]) stack.pop();
      else return undefined;
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top) {
        top.commas.push(i);
        top.segment = i + 1;
      }
    }
  }
  const inString = quote !== '';
  if (inString && quote === '`') return undefined;

  const object = stack.at(-1);
  if (object?.char === '(') return argumentSite(line, object, inString ? stringStart : -1);
  if (object?.char !== '{') return undefined;
  const outer = locate(line, stack, stack.length - 1);
  if (!outer) return undefined;

  const end = inString ? stringStart : line.length;
  const segment = line.slice(object.segment, end);
  if (inString && /^\s*$/.test(segment)) {
    return { ...outer, kind: 'key', prefix: line.slice(stringStart + 1), quoted: true, present: [] };
  }
  if (!inString) {
    const key = /^\s*([\w$]*)$/.exec(segment);
    if (key) {
      const present = [...line.slice(object.start + 1, object.segment).matchAll(/([\w$.]+)['"]?\s*:/g)].map(
        (m) => m[1] ?? '',
      );
      return { ...outer, kind: 'key', prefix: key[1] ?? '', quoted: false, present };
    }
  }
  const value = KEY_THEN_COLON.exec(segment);
  if (!value?.[2]) return undefined;
  return {
    ...outer,
    kind: 'value',
    key: value[2],
    prefix: inString ? line.slice(stringStart + 1) : '',
    quoted: inString,
  };
}

/** A positional argument being typed: empty so far, or a string literal being typed. */
function argumentSite(line: string, frame: Frame, stringStart: number): ArgumentSite | undefined {
  const call = API_CALL.exec(line.slice(0, frame.start));
  if (!call?.[1]) return undefined;
  const typed = line.slice(frame.segment, stringStart < 0 ? line.length : stringStart);
  if (typed.trim()) return undefined;
  const starts = [frame.start + 1, ...frame.commas.map((c) => c + 1)];
  const before = frame.commas.map((comma, i) => line.slice(starts[i], comma).trim());
  const quoted = stringStart >= 0;
  return {
    kind: 'argument',
    method: call[1],
    index: before.length,
    before,
    prefix: quoted ? line.slice(stringStart + 1) : '',
    quoted,
  };
}

/**
 * Which call the object at `depth` belongs to: an argument of `api.x(`, or the
 * object value of one of its keys (`searchFilter: {`).
 */
function locate(
  line: string,
  stack: readonly Frame[],
  depth: number,
): { method: string; nested: string | undefined } | undefined {
  const object = stack[depth];
  const parent = stack[depth - 1];
  if (!object || !parent) return undefined;
  if (parent.char === '(') {
    // The object may follow positional arguments: `api.list_job_runs(p, j, {`.
    if (line.slice(parent.segment, object.start).trim()) return undefined;
    const call = API_CALL.exec(line.slice(0, parent.start));
    return call?.[1] ? { method: call[1], nested: undefined } : undefined;
  }
  if (parent.char === '{') {
    const key = KEY_THEN_COLON.exec(line.slice(parent.segment, object.start));
    const grand = locate(line, stack, depth - 1);
    if (!key?.[2] || !grand || grand.nested) return undefined;
    return { method: grand.method, nested: key[2] };
  }
  return undefined;
}

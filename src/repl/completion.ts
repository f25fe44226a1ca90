import { argumentNames, type OperationIndex, paramIndex, positionalSlots } from '../api/index.js';
import { type ApiSpec, looseKey, type Operation, resolveSchema } from '../spec/index.js';
import { type CallSite, findCallSite } from './call-site.js';
import { labelledIds } from './labelled-ids.js';

/** Node's completer result: candidates, and the text at the cursor they would replace. */
export type CompletionResult = [string[], string];

/** What completion may read: the spec and what the session has already fetched. Nothing else. */
export interface CompletionContext {
  readonly spec: ApiSpec;
  readonly operations: OperationIndex;
  /** Every method name on `api` (camelCase and snake_case), sorted. */
  readonly names: readonly string[];
  /** Values seen for a parameter name (`projectId`), newest first. */
  readonly seen: (name: string) => readonly string[];
  /** The name of the resource a seen id picks; when given, id lists show it beside each id. */
  readonly label?: ((name: string, value: string) => string | undefined) | undefined;
  /** Terminal width, for laying out `id  name` lists. Default 80. */
  readonly columns?: (() => number) | undefined;
}

/** What the shell adds to completion beyond the spec: names beside ids and the screen width. */
export interface CompletionExtras {
  readonly label?: CompletionContext['label'];
  readonly columns?: CompletionContext['columns'];
}

/** Builds the context once per session; `seen` and `label` are read live on each key press. */
export function completionContext(
  spec: ApiSpec,
  operations: OperationIndex,
  seen: (name: string) => readonly string[],
  extras: CompletionExtras = {},
): CompletionContext {
  const names = [...new Set(spec.operations.flatMap((op) => [op.name, op.pythonName]))].sort();
  return { spec, operations, names, seen, label: extras.label, columns: extras.columns };
}

/** What `api.` offers besides operations (see ApiExtras). */
const API_EXTRAS = ['withOptions'];

const HELP_COMMAND = /^\s*\.help\s+([\w$]*)$/;
const FILTER_PARAM = new Set(['searchFilter', 'search_filter']);
const SORT_PARAM = new Set(['sort']);

/**
 * Completes what cmlsh knows better than Node: `api.` members, the arguments of an
 * `api.x({` call and their values, and `.help <operation>`. Pure and synchronous; returns
 * undefined when the line is someone else's business (the caller then asks Node's completer).
 */
export function completeLine(line: string, context: CompletionContext): CompletionResult | undefined {
  const help = HELP_COMMAND.exec(line);
  if (help) return [matchNames(context.names, help[1] ?? ''), help[1] ?? ''];
  const site = findCallSite(line);
  if (!site) return undefined;
  if (site.kind === 'member')
    return [matchNames([...context.names, ...API_EXTRAS], site.prefix), site.prefix];
  const op = context.operations.find(site.method);
  if (!op) return undefined;
  if (site.kind === 'argument') return completeArgument(op, site, context);
  return site.kind === 'key' ? completeKey(op, site) : completeValue(op, site, context);
}

/** Prefix matches; when there are none, matches ignoring case and `_` (`listprojects`). */
function matchNames(names: readonly string[], prefix: string): string[] {
  const exact = names.filter((name) => name.startsWith(prefix));
  if (exact.length || !prefix) return exact;
  const loose = looseKey(prefix);
  return names.filter((name) => looseKey(name).startsWith(loose));
}

function completeKey(op: Operation, site: Extract<CallSite, { kind: 'key' }>): CompletionResult {
  if (site.nested) {
    if (!FILTER_PARAM.has(site.nested)) return [[], site.prefix];
    const keys = op.filterKeys.filter((key) => key.startsWith(site.prefix) && !site.present.includes(key));
    // A dotted key is only valid JavaScript in quotes.
    const shown = site.quoted ? keys : keys.map((key) => (/^[\w$]+$/.test(key) ? key : `'${key}'`));
    return [shown, site.prefix];
  }
  const index = paramIndex(op);
  const present = new Set(site.present.map((name) => index.get(name)?.name ?? name));
  // A method typed in snake_case is Python code being carried over: offer its spelling.
  const python = site.method === op.pythonName && op.pythonName !== op.name;
  const all = python
    ? [...new Set(op.params.map((p) => p.pythonName)), ...(op.body ? ['body'] : [])]
    : argumentNames(op);
  const names = all.filter(
    (name) => name.startsWith(site.prefix) && !present.has(index.get(name)?.name ?? name),
  );
  return [names, site.prefix];
}

/**
 * A positional id, cmlapi style (`api.get_job('p1', '<Tab>`): the ids seen for the path
 * parameter in that place. The body slot counts only when an object was given for it.
 */
function completeArgument(
  op: Operation,
  site: Extract<CallSite, { kind: 'argument' }>,
  context: CompletionContext,
): CompletionResult | undefined {
  const slots = positionalSlots(op);
  // An object literal, a cmlapi model or a variable named like one fills the body slot;
  // anything else (a string, an id variable) means the body was left out.
  const first = site.before[0] ?? '';
  const bodyGiven = slots[0]?.kind === 'body' && /^\{|^cmlapi\.|body|req/i.test(first);
  const offset = slots[0]?.kind === 'body' && !bodyGiven ? 1 : 0;
  const slot = slots[site.index + offset];
  if (slot?.kind !== 'param' || slot.param.in !== 'path') return undefined;
  const result = completeValue(
    op,
    {
      kind: 'value',
      method: site.method,
      nested: undefined,
      key: slot.param.name,
      prefix: site.prefix,
      quoted: site.quoted,
    },
    context,
  );
  return result[0].length ? result : undefined;
}

function completeValue(
  op: Operation,
  site: Extract<CallSite, { kind: 'value' }>,
  context: CompletionContext,
): CompletionResult {
  const { values, seenAs } = site.nested
    ? { values: filterValues(site.key, context), seenAs: undefined }
    : argumentValues(op, site.key, site.prefix, context);
  const matching = [...new Set(values)].filter((value) => value.startsWith(site.prefix));
  // Outside quotes the candidate must bring its own, or the inserted text would not parse.
  const texts = site.quoted ? matching : matching.map((value) => `'${value}'`);
  const { label, columns } = context;
  if (!seenAs || !label) return [texts, site.prefix];
  const candidates = matching.map((value, i) => ({ text: texts[i] ?? value, label: label(seenAs, value) }));
  return [labelledIds(candidates, columns?.() ?? 80), site.prefix];
}

/** The values for one argument; `seenAs` names the seen ids they came from, if they did. */
function argumentValues(
  op: Operation,
  key: string,
  typed: string,
  context: CompletionContext,
): { values: string[]; seenAs: string | undefined } {
  if (SORT_PARAM.has(key)) return { values: sortValues(op, typed), seenAs: undefined };
  const param = paramIndex(op).get(key);
  if (!param) return { values: [...context.seen(key)], seenAs: key };
  const enumValues = param.enum ?? resolveSchema(param.schema, context.spec.definitions).enum;
  if (enumValues?.length) return { values: enumValues.map(String), seenAs: undefined };
  return { values: [...context.seen(param.name)], seenAs: param.name };
}

/** `sort: '-created_at,+na` completes the last comma-separated key, with its sign. */
function sortValues(op: Operation, typed: string): string[] {
  const done = typed.slice(0, typed.lastIndexOf(',') + 1);
  const current = typed.slice(done.length);
  const sign = current.startsWith('-') || current.startsWith('+') ? current[0] : '';
  const keys = sign
    ? op.sortKeys.map((key) => `${sign}${key}`)
    : op.sortKeys.flatMap((key) => (current ? [key, `-${key}`] : [`-${key}`, `+${key}`]));
  return keys.map((key) => `${done}${key}`);
}

/** A username filter can use the usernames seen so far. */
function filterValues(key: string, context: CompletionContext): string[] {
  return key.endsWith('username') ? [...context.seen('username')] : [];
}

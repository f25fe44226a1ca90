import { readFile } from 'node:fs/promises';
import { type CallArgs, paramIndex } from '../api/index.js';
import { CmlUsageError } from '../errors/index.js';
import type { Operation, Param, ValueType } from '../spec/index.js';

/**
 * Turns the parameter flags of `call`/`browse` into the operation's arguments. A flag may
 * be spelt `--project-id`, `--project_id` or `--projectId`; its text is converted by the
 * parameter's type in the spec (numbers, booleans, JSON objects for search filters and
 * object body fields). Unknown names pass through unchanged so the api layer rejects them
 * with its did-you-mean message.
 * @throws CmlUsageError for a value that cannot be converted.
 */
export function paramsFromFlags(op: Operation, flags: Readonly<Record<string, unknown>>): CallArgs {
  const index = paramIndex(op);
  const args: CallArgs = {};
  for (const [flag, raw] of Object.entries(flags)) {
    const param = index.get(flag) ?? index.get(flag.replace(/-/g, '_'));
    if (!param) {
      args[flag.replace(/-/g, '_')] = raw;
      continue;
    }
    if (args[param.name] !== undefined) {
      throw new CmlUsageError(`${op.name}: --${flag} repeats a parameter already given (${param.name})`);
    }
    args[param.name] = convert(op, param, flag, raw);
  }
  return args;
}

/**
 * Reads `--body`: inline JSON, `@file` for a file's JSON, `@-` for stdin.
 * @throws CmlUsageError when it is not a JSON object or the file cannot be read.
 */
export async function readBody(
  text: string,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<Record<string, unknown>> {
  let source = '--body';
  let json = text;
  if (text.startsWith('@')) {
    const path = text.slice(1);
    source = path === '-' ? '--body @- (stdin)' : `--body file ${path}`;
    try {
      json = path === '-' ? await readAll(stdin) : await readFile(path, 'utf8');
    } catch (error) {
      throw new CmlUsageError(`Cannot read ${source}: ${(error as Error).message}`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new CmlUsageError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CmlUsageError(`${source} must be a JSON object, e.g. '{"name":"demo"}'`);
  }
  return value as Record<string, unknown>;
}

function convert(op: Operation, param: Param, flag: string, raw: unknown): unknown {
  if (Array.isArray(raw)) {
    if (param.type !== 'array') {
      throw new CmlUsageError(`${op.name}: --${flag} is given more than once but takes one value`);
    }
    return raw.map((value) => scalar(op, param, flag, value, param.itemType ?? 'string'));
  }
  if (param.type === 'array') {
    if (typeof raw === 'string' && raw.trim().startsWith('[')) return parseJson(op, flag, raw);
    return [scalar(op, param, flag, raw, param.itemType ?? 'string')];
  }
  if (param.json || param.type === 'object') {
    return typeof raw === 'string' ? parseJson(op, flag, raw) : raw;
  }
  return scalar(op, param, flag, raw, param.type);
}

function scalar(op: Operation, param: Param, flag: string, raw: unknown, type: ValueType): unknown {
  const text = String(raw);
  switch (type) {
    case 'integer':
    case 'number': {
      // Out-of-range integers stay strings, so nothing is silently rounded.
      const number = Number(text);
      if (text.trim() === '' || !Number.isFinite(number)) return raw;
      return type === 'integer' && !Number.isSafeInteger(number) ? text : number;
    }
    case 'boolean':
      if (raw === true || text === 'true') return true;
      if (raw === false || text === 'false') return false;
      throw new CmlUsageError(`${op.name}: --${flag} must be true or false, not "${text}"`);
    case 'object':
      return parseJson(op, flag, text);
    default:
      if (raw === true) {
        throw new CmlUsageError(`${op.name}: --${flag} needs a value (${param.name} is a ${param.type})`);
      }
      return text;
  }
}

function parseJson(op: Operation, flag: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CmlUsageError(
      `${op.name}: --${flag} must be JSON, e.g. '{"name":"foo"}' (${(error as Error).message})`,
    );
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

import type { Operation, Param } from '../spec/index.js';
import { positionalSlots } from './signature.js';

/** A value the session has seen for a parameter (`projectId`), for examples that run when copied. */
export type SeenValue = (name: string) => string | undefined;

const none: SeenValue = () => undefined;

/** The parameters an example must carry: required path, query and form parameters, and required body fields. */
function requiredParams(op: Operation): Param[] {
  // A body field that repeats a path id (CreateJobRequest.project_id) is filled from the path.
  const names = new Set<string>();
  return op.params.filter((p) => p.required && !names.has(p.name) && names.add(p.name));
}

/** A plausible value for one parameter, as source text: a seen id, else one of its type. */
function exampleValue(param: Param, seen: SeenValue): string {
  const known = seen(param.name);
  if (known !== undefined) return quote(known);
  if (param.enum?.length) return quote(param.enum[0] ?? '');
  switch (param.type) {
    case 'integer':
    case 'number':
      return '1';
    case 'boolean':
      return 'true';
    case 'array':
      return '[]';
    case 'object':
      return '{}';
    case 'file':
      return "'data/input.csv'";
    default:
      return quote(placeholder(param));
  }
}

function placeholder(param: Param): string {
  const name = param.wireName.toLowerCase();
  if (/(^|[._])id$/.test(name)) return `<${param.pythonName}>`;
  if (/script|file_path|^path$/.test(name)) return 'main.py';
  if (/function/.test(name)) return 'predict';
  if (/kernel/.test(name)) return 'Python 3.10';
  return 'example';
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `projectId: 'p1', jobId: '<job_id>'`: the required arguments of the object form, as source text. */
export function exampleArguments(op: Operation, seen: SeenValue = none): string {
  return requiredParams(op)
    .map((p) => `${p.name}: ${exampleValue(p, seen)}`)
    .join(', ');
}

/** `api.getJob({ projectId: '…', jobId: '…' })`, with seen ids where there are some. */
export function exampleCall(op: Operation, seen: SeenValue = none): string {
  const inner = exampleArguments(op, seen);
  return `api.${op.name}(${inner ? `{ ${inner} }` : ''})`;
}

/** `api.create_job_run({}, 'p1', 'j1')`: the same call as cmlapi takes it. */
export function examplePythonCall(op: Operation, seen: SeenValue = none): string {
  const slots = positionalSlots(op);
  const bodyFields = requiredParams(op).filter((p) => p.in === 'body');
  const values = slots.map((slot) =>
    slot.kind === 'body'
      ? `{${bodyFields.length ? ` ${bodyFields.map((p) => `${p.pythonName}: ${exampleValue(p, seen)}`).join(', ')} ` : ''}}`
      : exampleValue(slot.param, seen),
  );
  const inSlots = new Set(slots.flatMap((slot) => (slot.kind === 'param' ? [slot.param] : [])));
  const keywords = requiredParams(op).filter(
    (p) => p.in === 'query' || (p.in === 'formData' && !inSlots.has(p)),
  );
  if (keywords.length)
    values.push(`{ ${keywords.map((p) => `${p.pythonName}: ${exampleValue(p, seen)}`).join(', ')} }`);
  return `api.${op.pythonName}(${values.join(', ')})`;
}

import type { Operation, Param } from '../spec/index.js';

/** One positional argument of the Python client's calling convention. */
export type Slot = { readonly kind: 'body' } | { readonly kind: 'param'; readonly param: Param };

const cache = new WeakMap<Operation, readonly Slot[]>();

/**
 * The positional arguments of an operation as swagger-codegen's Python client (cmlapi)
 * takes them: the body first when there is one, then the path parameters in the order of
 * the path template, then required form fields: `create_job_run(body, project_id, job_id)`.
 */
export function positionalSlots(op: Operation): readonly Slot[] {
  let slots = cache.get(op);
  if (!slots) {
    const inPath = op.params
      .filter((p) => p.in === 'path')
      .map((param) => ({ param, at: op.shape.params.indexOf(param.wireName) }))
      .sort((a, b) => a.at - b.at)
      .map(({ param }) => ({ kind: 'param' as const, param }));
    const form = op.params
      .filter((p) => p.in === 'formData' && p.required)
      .map((param) => ({ kind: 'param' as const, param }));
    slots = [...(op.body ? [{ kind: 'body' as const }] : []), ...inPath, ...form];
    cache.set(op, slots);
  }
  return slots;
}

function slotName(slot: Slot): string {
  return slot.kind === 'body' ? 'body' : slot.param.pythonName;
}

/** `create_job_run(body, project_id, job_id, **kwargs)`, as cmlapi declares it. */
export function pythonSignature(op: Operation): string {
  const names = positionalSlots(op).map(slotName);
  return `${op.pythonName}(${[...names, '**kwargs'].join(', ')})`;
}

/** `api.create_job_run(body, projectId, jobId, { ...kwargs })`: the same call in cmlsh. */
export function positionalForm(op: Operation): string {
  const names = positionalSlots(op).map((slot) => (slot.kind === 'body' ? 'body' : slot.param.name));
  return `api.${op.pythonName}(${[...names, '{ ...kwargs }'].join(', ')})`;
}

/** `api.createJobRun({ projectId, jobId, body })`: the one-object form. */
export function objectForm(op: Operation): string {
  const names = positionalSlots(op).map((slot) => (slot.kind === 'body' ? 'body' : slot.param.name));
  const optional = op.params.some((p) => p.in === 'query' || (p.in === 'formData' && !p.required));
  const inner = [...names, ...(optional ? ['…'] : [])];
  return `api.${op.name}(${inner.length ? `{ ${inner.join(', ')} }` : ''})`;
}

/** Both ways to call an operation, for error messages. */
export function signatures(op: Operation): string {
  return `Call it as ${positionalForm(op)} or ${objectForm(op)}.`;
}

/** Marks objects built by `cmlapi.CreateJobRequest(...)`: a lone one is a body, not keyword arguments. */
export const MODEL_NAME: unique symbol = Symbol.for('cmlsh.model');

/** The definition a cmlapi model object was built from, when it is one. */
export function modelNameOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && MODEL_NAME in value
    ? String((value as { [MODEL_NAME]: unknown })[MODEL_NAME])
    : undefined;
}

/** Naming rules shared by the spec, the api object, the CLI and completion. */

/**
 * The Python cmlapi client's method name: swagger-codegen's `underscore`.
 * ValidateAPIKey -> validate_api_key, ListProjects -> list_projects.
 */
export function pythonName(operationId: string): string {
  return operationId
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[-.\s]/g, '_')
    .toLowerCase();
}

/** camelCase method name: the operationId with its first letter lowered (ListProjects -> listProjects). */
export function methodName(operationId: string): string {
  return operationId.charAt(0).toLowerCase() + operationId.slice(1);
}

/** JavaScript name of a wire parameter: project_id -> projectId, job.id -> jobId. */
export function camelName(wireName: string): string {
  return wireName.replace(/[._-]+([a-zA-Z\d])/g, (_, c: string) => c.toUpperCase());
}

/** Python name of a wire parameter: job.id -> job_id. */
export function snakeName(wireName: string): string {
  return wireName.replace(/[.-]/g, '_');
}

/** Comparable form of any spelling: listProjects, list_projects, ListProjects -> listprojects. */
export function looseKey(name: string): string {
  return name.replace(/[-_.\s]/g, '').toLowerCase();
}

/**
 * Names a method of `api` must not take: what every object or function already has
 * (`constructor`, `__proto__`, `toString`, `name`, `length`, `call`), what makes an object
 * a promise to `await` (`then`), and what `api` defines itself (`toJSON`).
 */
const RESERVED = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  'then',
  'catch',
  'finally',
  'toJSON',
  'prototype',
]);

/** `name` itself, or with `suffix` when it is reserved: `then` -> `thenOp`, `__proto__` -> `__proto__Op`. */
export function safeName(name: string, suffix: string): string {
  return RESERVED.has(name) ? `${name}${suffix}` : name;
}

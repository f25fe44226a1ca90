/**
 * What a live CML workspace does that its spec does not say, in one table. Each entry names
 * where it was learnt: the spec's own prose (descriptions the schema cannot express) or a
 * behaviour recorded on a live workspace (../shared/cml-api-v2/README.md). The emulator's
 * mechanism reads these; test/emulator/fidelity.test.ts checks each one.
 */

/** Body fields a create cannot do without, by operationId. */
export const REQUIRED_ON_CREATE: Readonly<Record<string, readonly string[]>> = {
  // Names identify what is created: the spec's "The name of the project to create", "Name of the new job".
  CreateProject: ['name'],
  CreateJob: ['name', 'script'],
  CreateApplication: ['name', 'script'],
  CreateModel: ['name'],
  CreateExperiment: ['name'],
};

/**
 * Body fields required only in a project that uses ML Runtimes: CreateJobRequest's
 * runtime_identifier "Must be set if using ML Runtimes."
 */
export const REQUIRED_WITH_RUNTIMES: Readonly<Record<string, readonly string[]>> = {
  CreateJob: ['runtime_identifier'],
};

/** The site-wide default engine type a new project gets when none is asked for. */
export const SITE_DEFAULT_ENGINE = 'ml_runtime';

/** Live: GET /api/v2/workloads/executions with an ordinary (non-machine-user) key. */
export const OBSERVABILITY_ONLY = {
  operationIds: ['ListWorkloadExecutions'],
  status: 403,
  code: 7,
  message: 'User is not an observability machine user',
} as const;

/**
 * Live: validate_key's answer for a good key. Keys have an audience, `API` or `Application`;
 * the emulator's keys are API keys, so asking for another audience is a mismatch (403).
 */
export const VALIDATE_KEY = {
  audiences: ['API'],
  message: 'API key is valid',
  mismatch: 'audience mismatch',
} as const;

/**
 * The spec's descriptions document status filters by a short word ("running"), while the
 * records hold enum values (`APPLICATION_RUNNING`, `ENGINE_RUNNING`): a filter word matches
 * the enum value that ends in it.
 */
export const STATUS_PREFIXES = ['APPLICATION_', 'ENGINE_', 'EXPERIMENT_RUN_'] as const;

/**
 * A job run fails, deterministically, when its job's script or its arguments ask it to: an
 * emulator convention (a real run fails when the script does), so automation can test its
 * failure paths.
 */
export const FAILING_RUN = /\b(fail|error|crash)\b/i;

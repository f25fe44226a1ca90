/** How a wait ends: the work succeeded, failed, or was stopped before it finished. */
export type Outcome = 'succeeded' | 'failed' | 'stopped';

/**
 * The final values of the spec's status enums (EngineStatus, ApplicationStatus,
 * ExperimentRunStatus, DiagStatus) and what each means. The values are unique across CML's
 * enums, so they are looked up by value; any other value of an enum is a state on the way.
 * An application is up once it runs: for a wait, APPLICATION_RUNNING is where it arrives.
 */
const ENUM_OUTCOMES: Readonly<Record<string, Outcome>> = {
  ENGINE_SUCCEEDED: 'succeeded',
  ENGINE_FAILED: 'failed',
  ENGINE_TIMEDOUT: 'failed',
  ENGINE_STOPPED: 'stopped',
  ENGINE_SKIPPED: 'stopped',
  APPLICATION_RUNNING: 'succeeded',
  APPLICATION_FAILED: 'failed',
  APPLICATION_STOPPED: 'stopped',
  EXPERIMENT_RUN_FINISHED: 'succeeded',
  EXPERIMENT_RUN_FAILED: 'failed',
  EXPERIMENT_RUN_KILLED: 'stopped',
  DIAG_COMPLETED: 'succeeded',
  DIAG_FAILED: 'failed',
};

/**
 * Models whose status the spec types as free text, with the final values CML gives them
 * (as public CML scripts test them: `status not in ["built", "build failed"]`,
 * `["stopped", "failed", "deployed"]`), compared without case.
 */
const TEXT_OUTCOMES: Readonly<Record<string, Readonly<Record<string, Outcome>>>> = {
  ModelBuild: {
    built: 'succeeded',
    succeeded: 'succeeded',
    'build failed': 'failed',
    failed: 'failed',
    timedout: 'failed',
  },
  ModelDeployment: { deployed: 'succeeded', failed: 'failed', stopped: 'stopped' },
};

/** How a model's status field is to be read: its enum values (if any) and its final states. */
export interface StatusVocabulary {
  /** The enum's values, in spec order; undefined for free text. */
  readonly values: readonly string[] | undefined;
  /** The outcome of a status value; undefined while it is on the way. */
  outcome(state: string): Outcome | undefined;
}

/**
 * The vocabulary of a model's status: from the enum when the spec has one with at least one
 * known final value, else from the free-text table. Undefined when the model cannot be waited on.
 */
export function statusVocabulary(
  model: string,
  values: readonly string[] | undefined,
): StatusVocabulary | undefined {
  if (values?.length) {
    if (!values.some((value) => ENUM_OUTCOMES[value])) return undefined;
    return { values, outcome: (state) => (values.includes(state) ? ENUM_OUTCOMES[state] : undefined) };
  }
  const table = TEXT_OUTCOMES[model];
  if (!table) return undefined;
  return { values: undefined, outcome: (state) => table[state.toLowerCase()] };
}

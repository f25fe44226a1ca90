import {
  arrayOf,
  dateTime,
  double,
  int64String,
  listResponse,
  model,
  ref,
  str,
  strEnum,
} from './dsl-fields.js';
import { deleteOp, getOp, listOp, patchOp, postOp, type ResourceGroup } from './dsl-operations.js';

const EXPERIMENTS = '/api/v2/projects/{project_id}/experiments';
const RUNS = `${EXPERIMENTS}/{experiment_id}/runs`;

/** Experiments (MLflow-style) and their runs. */
export const experiments = (): ResourceGroup => ({
  operations: [
    listOp('ListExperiments', EXPERIMENTS, 'ListExperimentsResponse', 'List the experiments of a project.', {
      filter: [],
      sort: [],
    }),
    postOp('CreateExperiment', EXPERIMENTS, 'CreateExperimentRequest', 'Experiment', 'Create an experiment.'),
    getOp('GetExperiment', `${EXPERIMENTS}/{experiment_id}`, 'Experiment', 'Get an experiment.'),
    patchOp(
      'UpdateExperiment',
      '/api/v2/projects/{experiment.project_id}/experiments/{experiment.id}',
      'Experiment',
      'Update an experiment.',
    ),
    deleteOp(
      'DeleteExperiment',
      `${EXPERIMENTS}/{experiment_id}`,
      'DeleteExperimentResponse',
      'Delete an experiment.',
    ),
    listOp('ListExperimentRuns', RUNS, 'ListExperimentRunsResponse', 'List the runs of an experiment.', {
      filter: ['name', 'status', 'creator.username'],
      sort: ['created_at', 'start_time', 'name', 'creator.username'],
    }),
    postOp('CreateExperimentRun', RUNS, 'CreateExperimentRunRequest', 'ExperimentRun', 'Start a run.'),
    getOp('GetExperimentRun', `${RUNS}/{run_id}`, 'ExperimentRun', 'Get an experiment run.'),
  ],
  definitions: {
    Tag: model('A key and value.', { key: str(), value: str() }),
    Experiment: model('A named group of runs that log metrics and artifacts.', {
      id: str('Experiment ID.'),
      project_id: str('Project ID.'),
      name: str('Experiment name.'),
      artifact_location: str('Where run artifacts are stored.'),
      lifecycle_stage: str('active or deleted.'),
      tags: arrayOf('Tag'),
      user: ref('ShortUser'),
      created_at: dateTime(),
      updated_at: dateTime(),
    }),
    CreateExperimentRequest: model('An experiment to create.', {
      project_id: str('Project ID.'),
      name: str('Experiment name.'),
      artifact_location: str('Where run artifacts go.'),
      tags: arrayOf('Tag'),
    }),
    ListExperimentsResponse: listResponse('experiments', 'Experiment'),
    DeleteExperimentResponse: model('The answer to an experiment deletion.'),
    ExperimentRunStatus: strEnum('Lifecycle state of an experiment run.', [
      'EXPERIMENT_RUN_RUNNING',
      'EXPERIMENT_RUN_SCHEDULED',
      'EXPERIMENT_RUN_FINISHED',
      'EXPERIMENT_RUN_FAILED',
      'EXPERIMENT_RUN_KILLED',
    ]),
    ExperimentRun: model('One run of an experiment.', {
      id: str('Run ID.'),
      experiment_id: str('Experiment ID.'),
      name: str('Run name.'),
      status: ref('ExperimentRunStatus'),
      artifact_uri: str('Where the artifacts of this run are.'),
      data: ref('ExperimentRunData'),
      user: ref('ShortUser'),
      start_time: dateTime(),
      end_time: dateTime(),
    }),
    ExperimentRunData: model('What a run logged.', {
      metrics: arrayOf('Metric'),
      params: arrayOf('Tag'),
      tags: arrayOf('Tag'),
    }),
    Metric: model('One logged value of a metric.', {
      key: str('Metric name.'),
      value: double('Value.'),
      step: int64String('Training step.'),
      timestamp: dateTime(),
    }),
    CreateExperimentRunRequest: model('A run to start.', {
      project_id: str('Project ID.'),
      experiment_id: str('Experiment ID.'),
      run_name: str('Run name.'),
      start_time: dateTime(),
      tags: arrayOf('Tag'),
    }),
    ListExperimentRunsResponse: listResponse('experiment_runs', 'ExperimentRun'),
  },
});

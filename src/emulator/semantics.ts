import type { EmulatorContext, EmulatorRequest, Handler, Reply } from './context.js';
import { createRecord, findItem } from './crud.js';
import { getExperimentRunMetrics, logExperimentRunBatch } from './experiment-data.js';
import { GrpcCode, HttpFailure } from './http-failure.js';
import { isMoving, startLifecycle } from './lifecycle.js';
import { addProjectCollaborator, deleteProjectCollaborator, listProjects } from './project-access.js';
import {
  deleteProjectFile,
  downloadProjectFile,
  listProjectFiles,
  updateProjectFile,
  uploadFile,
} from './project-files.js';
import { shapeValue } from './shape.js';
import type { Rec } from './store.js';
import { FAILING_RUN, VALIDATE_KEY } from './workspace-facts.js';

/** Answers with a record shaped to the operation's response. */
function shaped(ctx: EmulatorContext, req: EmulatorRequest, rec: Rec): Reply {
  return {
    status: req.compiled.op.response.status,
    json: shapeValue(req.compiled.op.response.schema, rec, ctx.definitions) ?? {},
  };
}

/** Changes a stored record in place and tells the store. */
function mutate(ctx: EmulatorContext, req: EmulatorRequest, change: (rec: Rec) => void): Reply {
  const found = findItem(ctx, req);
  change(found.rec);
  if (typeof found.rec.updated_at === 'string') found.rec.updated_at = new Date(ctx.now()).toISOString();
  ctx.store.touchItem(found.collection);
  return shaped(ctx, req, found.rec);
}

const validateKey: Handler = (ctx, req) => {
  if (!(VALIDATE_KEY.audiences as readonly unknown[]).includes(req.body.audience)) {
    throw new HttpFailure(403, GrpcCode.permissionDenied, VALIDATE_KEY.mismatch);
  }
  return {
    status: 200,
    json: { valid: true, username: ctx.user.username, message: VALIDATE_KEY.message },
  };
};

const createJobRun: Handler = (ctx, req) => {
  const job = ctx.store.get(`/api/v2/projects/${req.params.project_id}/jobs`, req.params.job_id ?? '');
  return createRecord(ctx, req, (rec) => {
    if (job)
      for (const field of ['kernel', 'cpu', 'memory', 'nvidia_gpu', 'runtime_identifier'])
        rec[field] = job[field];
    rec.arguments = typeof req.body.arguments === 'string' ? req.body.arguments : (job?.arguments ?? '');
    rec.environment = JSON.stringify(req.body.environment ?? {});
    const fails = FAILING_RUN.test(String(job?.script ?? '')) || FAILING_RUN.test(String(rec.arguments));
    startLifecycle(ctx, fails ? 'JobRunFailing' : 'JobRun', rec);
  });
};

/** A stop passes through a stopping stage; work that already ended stays as it is. */
const stopWith =
  (lifecycle: string, done: readonly string[]): Handler =>
  (ctx, req) =>
    mutate(ctx, req, (rec) => {
      if (isMoving(rec) || !done.includes(String(rec.status))) startLifecycle(ctx, lifecycle, rec);
    });

const startWith =
  (model: string): Handler =>
  (ctx, req) =>
    createRecord(ctx, req, (rec) => startLifecycle(ctx, model, rec));

const restartWith =
  (model: string): Handler =>
  (ctx, req) =>
    mutate(ctx, req, (rec) => {
      delete rec.stopped_at;
      startLifecycle(ctx, model, rec);
    });

/**
 * CML behaviours the generic resource handling cannot infer from the spec, by operationId:
 * key validation, job runs that advance, stop/restart, project access, experiment run
 * data, and project files.
 */
export const semanticHandlers: Readonly<Record<string, Handler>> = {
  ValidateAPIKey: validateKey,
  CreateJobRun: createJobRun,
  StopJobRun: stopWith('JobRunStopping', [
    'ENGINE_STOPPED',
    'ENGINE_SUCCEEDED',
    'ENGINE_FAILED',
    'ENGINE_TIMEDOUT',
    'ENGINE_SKIPPED',
  ]),
  CreateApplication: startWith('Application'),
  RestartApplication: restartWith('Application'),
  StopApplication: stopWith('ApplicationStopping', ['APPLICATION_STOPPED', 'APPLICATION_FAILED']),
  CreateModelBuild: startWith('ModelBuild'),
  CreateModelDeployment: startWith('ModelDeployment'),
  RestartModelDeployment: restartWith('ModelDeployment'),
  StopModelDeployment: stopWith('ModelDeploymentStopping', ['stopped', 'failed']),
  LogExperimentRunBatch: logExperimentRunBatch,
  GetExperimentRunMetrics: getExperimentRunMetrics,
  ListProjects: listProjects,
  AddProjectCollaborator: addProjectCollaborator,
  DeleteProjectCollaborator: deleteProjectCollaborator,
  UploadFile: uploadFile,
  ListProjectFiles: listProjectFiles,
  DownloadProjectFile: downloadProjectFile,
  DeleteProjectFile: deleteProjectFile,
  UpdateProjectFileMetadata: updateProjectFile,
};

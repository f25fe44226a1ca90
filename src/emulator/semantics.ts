import type { EmulatorContext, EmulatorRequest, Handler, Reply } from './context.js';
import { createRecord, findItem, refreshers } from './crud.js';
import { GrpcCode, HttpFailure } from './http-failure.js';
import { advance, endLifecycle, LIFECYCLES, startLifecycle } from './lifecycle.js';
import {
  deleteProjectFile,
  downloadProjectFile,
  listProjectFiles,
  updateProjectFile,
  uploadFile,
} from './project-files.js';
import { shapeValue } from './shape.js';
import type { Rec } from './store.js';

for (const model of Object.keys(LIFECYCLES)) {
  refreshers.set(model, (ctx, rec) => advance(ctx, model, rec));
}

const TERMINAL = new Set([
  'ENGINE_STOPPED',
  'ENGINE_SUCCEEDED',
  'ENGINE_FAILED',
  'ENGINE_TIMEDOUT',
  'ENGINE_SKIPPED',
]);

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
  if (req.body.audience !== 'API') {
    throw new HttpFailure(403, GrpcCode.permissionDenied, 'audience mismatch');
  }
  return {
    status: 200,
    json: { valid: true, username: ctx.user.username, message: 'API key is valid' },
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
    startLifecycle(ctx, 'JobRun', rec);
  });
};

const stopJobRun: Handler = (ctx, req) =>
  mutate(ctx, req, (rec) => {
    if (!TERMINAL.has(String(rec.status))) endLifecycle(ctx, rec, 'ENGINE_STOPPED', 'finished_at');
  });

const startWith =
  (model: string): Handler =>
  (ctx, req) =>
    createRecord(ctx, req, (rec) => startLifecycle(ctx, model, rec));

const restartWith =
  (model: string): Handler =>
  (ctx, req) =>
    mutate(ctx, req, (rec) => {
      if (model === 'Application') delete rec.stopped_at;
      startLifecycle(ctx, model, rec);
    });

/**
 * CML behaviours the generic resource handling cannot infer from the spec, by operationId:
 * key validation, job runs that advance, stop/restart, and project files.
 */
export const semanticHandlers: Readonly<Record<string, Handler>> = {
  ValidateAPIKey: validateKey,
  CreateJobRun: createJobRun,
  StopJobRun: stopJobRun,
  CreateApplication: startWith('Application'),
  RestartApplication: restartWith('Application'),
  StopApplication: (ctx, req) =>
    mutate(ctx, req, (rec) => endLifecycle(ctx, rec, 'APPLICATION_STOPPED', 'stopped_at')),
  CreateModelBuild: startWith('ModelBuild'),
  CreateModelDeployment: startWith('ModelDeployment'),
  RestartModelDeployment: restartWith('ModelDeployment'),
  StopModelDeployment: (ctx, req) =>
    mutate(ctx, req, (rec) => endLifecycle(ctx, rec, 'stopped', 'stopped_at')),
  UploadFile: uploadFile,
  ListProjectFiles: listProjectFiles,
  DownloadProjectFile: downloadProjectFile,
  DeleteProjectFile: deleteProjectFile,
  UpdateProjectFileMetadata: updateProjectFile,
};

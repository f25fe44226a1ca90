import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, createApi, createCmlapi, isPage } from '../../src/api/index.js';
import { createTransport } from '../../src/client/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { CmlApiError } from '../../src/errors/index.js';
import { startReal } from '../emulator/emulator-harness.js';
import { realSpec } from '../helpers/real-spec.js';

/**
 * Call shapes as public Python CML scripts write them, each typed the cmlapi way (bodies
 * first, ids positional, a keyword object, request-model constructors, `json.dumps`
 * filters, `async_req` and `.get()`, `.to_dict()`) and the object way, both sent over
 * loopback HTTP to the emulator. Sources (repository:path, at the stored snapshot):
 */
const APIV2 = 'cloudera/CML_AMP_APIv2:CMLAPI.ipynb';
const MONITORING = 'cloudera/CML_AMP_Continuous_Model_Monitoring:src/api.py';
const FTS_EVAL = 'cloudera/CML_AMP_LLM_Fine_Tuning_Studio:ft/evaluation.py';
const FTS_RESTARTER = 'cloudera/CML_AMP_LLM_Fine_Tuning_Studio:ft/upgrade/restarter.py';
const FTS_GRPC = 'cloudera/CML_AMP_LLM_Fine_Tuning_Studio:bin/start-grpc-server.py';
const ACE_PROJECT = 'pdefusco/CML_MLOps_ACE_Workshop:other/project_manager.py';
const ACE_MLFLOW = 'pdefusco/CML_MLOps_ACE_Workshop:code/part3/06_mlflow_apiv2.py';
const ACE_DEPLOY = 'pdefusco/CML_MLOps_ACE_Workshop:other/03_Pipeline_DeployModelJob.py';

/** Ids made in beforeAll, as a script would have them by the time it reaches each line. */
interface Ids {
  P: string;
  runtime: string;
  grandparent: string;
  parent: string;
  child: string;
  run: string;
  app: string;
  model: string;
  build: string;
  deployment: string;
  /** One of each to delete per form, so the second form does not meet a 404. */
  doomedJob: Record<Form, string>;
  doomedApp: Record<Form, string>;
}
type Form = 'python' | 'object';
// biome-ignore lint/suspicious/noExplicitAny: the rows read results as a script would, loosely
type Loose = any;
type Line = (api: Loose, cmlapi: Loose, ids: Ids, form: Form) => Promise<unknown>;

interface Shape {
  readonly source: string;
  /** The Python line as the script writes it. */
  readonly python: string;
  /** The same line for cmlsh, cmlapi style. */
  readonly cmlapiStyle: Line;
  /** The same line in the object form. */
  readonly objectStyle: Line;
}

const filter = JSON.stringify({ name: 'demo' });

const SHAPES: Shape[] = [
  {
    source: APIV2,
    python:
      'client.create_project(cmlapi.CreateProjectRequest(name=..., description=..., default_project_engine_type="ml_runtime", template="Python"))',
    cmlapiStyle: (api, cmlapi) =>
      api.create_project(
        cmlapi.CreateProjectRequest({
          name: 'demo_py',
          description: 'A demo project created using the CML public API',
          default_project_engine_type: 'ml_runtime',
          template: 'Python',
        }),
      ),
    objectStyle: (api) =>
      api.createProject({
        name: 'demo_js',
        description: 'A demo project created using the CML public API',
        defaultProjectEngineType: 'ml_runtime',
        template: 'Python',
      }),
  },
  {
    source: APIV2,
    python: 'client.list_projects()',
    cmlapiStyle: (api) => api.list_projects(),
    objectStyle: (api) => api.listProjects(),
  },
  {
    source: APIV2,
    python: 'client.list_projects(page_size=5, search_filter=json.dumps(search_filters), sort="updated_at")',
    cmlapiStyle: (api) => api.list_projects({ page_size: 5, search_filter: filter, sort: 'updated_at' }),
    objectStyle: (api) =>
      api.listProjects({ pageSize: 5, searchFilter: { name: 'demo' }, sort: 'updated_at' }),
  },
  {
    source: APIV2,
    python:
      'client.list_projects(page_size=5, search_filter=..., sort="updated_at", page_token=projects_list.next_page_token)',
    cmlapiStyle: async (api) => {
      const first = await api.list_projects({ page_size: 1, sort: 'updated_at' });
      return api.list_projects({ page_size: 1, sort: 'updated_at', page_token: first.next_page_token });
    },
    objectStyle: async (api) => {
      const first = await api.listProjects({ pageSize: 1, sort: 'updated_at' });
      return api.listProjects({ pageSize: 1, sort: 'updated_at', pageToken: first.next_page_token });
    },
  },
  {
    source: APIV2,
    python: 'client.get_project(project_id = project_id)',
    cmlapiStyle: (api, _c, ids) => api.get_project({ project_id: ids.P }),
    objectStyle: (api, _c, ids) => api.getProject({ projectId: ids.P }),
  },
  {
    source: FTS_GRPC,
    python: 'cml.get_project(project_id)',
    cmlapiStyle: (api, _c, ids) => api.get_project(ids.P),
    objectStyle: (api, _c, ids) => api.getProject({ projectId: ids.P }),
  },
  {
    source: APIV2,
    python: 'client.update_project(cmlapi.Project(name=..., visibility="public"), project_id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.update_project(cmlapi.Project({ name: 'updated_demo', visibility: 'public' }), ids.P),
    objectStyle: (api, _c, ids) =>
      api.updateProject({ projectId: ids.P, name: 'updated_demo', visibility: 'public' }),
  },
  {
    source: FTS_GRPC,
    python: 'cml.update_project(cmlapi.Project(environment=json.dumps(proj_env)), project_id=project_id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.update_project(cmlapi.Project({ environment: JSON.stringify({ A: '1' }) }), { project_id: ids.P }),
    objectStyle: (api, _c, ids) =>
      api.updateProject({ projectId: ids.P, body: { environment: JSON.stringify({ A: '1' }) } }),
  },
  {
    source: APIV2,
    python: 'client.list_runtimes()',
    cmlapiStyle: (api) => api.list_runtimes(),
    objectStyle: (api) => api.listRuntimes(),
  },
  {
    source: APIV2,
    python:
      'client.list_runtimes(search_filter=json.dumps({"kernel": "Python 3.12", "edition": "Standard", "editor": "Workbench"}))',
    cmlapiStyle: (api) =>
      api.list_runtimes({
        search_filter: JSON.stringify({ kernel: 'Python 3.12', edition: 'Standard', editor: 'Workbench' }),
      }),
    objectStyle: (api) =>
      api.listRuntimes({ searchFilter: { kernel: 'Python 3.12', edition: 'Standard', editor: 'Workbench' } }),
  },
  {
    source: APIV2,
    python:
      'client.create_job(cmlapi.CreateJobRequest(project_id=..., name=..., script=..., runtime_identifier=...), project_id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_job(
        cmlapi.CreateJobRequest({
          project_id: ids.P,
          name: 'grandparentJob',
          script: 'analysis.py',
          runtime_identifier: ids.runtime,
        }),
        ids.P,
      ),
    objectStyle: (api, _c, ids) =>
      api.createJob({
        projectId: ids.P,
        name: 'grandparentJob',
        script: 'analysis.py',
        runtimeIdentifier: ids.runtime,
      }),
  },
  {
    source: APIV2,
    python: 'client.create_job(cmlapi.CreateJobRequest(..., parent_job_id=grandparent_job.id), project_id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_job(
        cmlapi.CreateJobRequest({
          project_id: ids.P,
          name: 'parentJob',
          script: 'analysis.py',
          runtime_identifier: ids.runtime,
          parent_job_id: ids.grandparent,
        }),
        ids.P,
      ),
    objectStyle: (api, _c, ids) =>
      api.createJob({
        projectId: ids.P,
        name: 'parentJob',
        script: 'analysis.py',
        runtimeIdentifier: ids.runtime,
        parentJobId: ids.grandparent,
      }),
  },
  {
    source: FTS_EVAL,
    python: 'cml.create_job(body=job_instance, project_id=project_id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_job({
        body: cmlapi.CreateJobRequest({ name: 'eval', script: 'eval.py', runtime_identifier: ids.runtime }),
        project_id: ids.P,
      }),
    objectStyle: (api, _c, ids) =>
      api.createJob({
        projectId: ids.P,
        body: { name: 'eval', script: 'eval.py', runtime_identifier: ids.runtime },
      }),
  },
  {
    source: APIV2,
    python: 'client.list_jobs(project_id = project_id)',
    cmlapiStyle: (api, _c, ids) => api.list_jobs({ project_id: ids.P }),
    objectStyle: (api, _c, ids) => api.listJobs({ projectId: ids.P }),
  },
  {
    source: FTS_EVAL,
    python: `cml.list_jobs(project_id, search_filter='{"name":"Mlflow_Evaluation_Base_Job"}').jobs[0].id`,
    cmlapiStyle: async (api, _c, ids) =>
      (await api.list_jobs(ids.P, { search_filter: '{"name":"grandparentJob"}' })).jobs[0].id,
    objectStyle: async (api, _c, ids) =>
      (await api.listJobs({ projectId: ids.P, searchFilter: { name: 'grandparentJob' } })).jobs[0].id,
  },
  {
    source: ACE_PROJECT,
    python: 'self.client.list_jobs(self.project_id, async_req=True).get().to_dict()',
    cmlapiStyle: async (api, _c, ids) => (await api.list_jobs(ids.P, { async_req: true }).get()).to_dict(),
    objectStyle: async (api, _c, ids) => (await api.listJobs({ projectId: ids.P })).to_dict(),
  },
  {
    source: APIV2,
    python: 'client.get_job(project_id = project_id, job_id = parent_job.id)',
    cmlapiStyle: (api, _c, ids) => api.get_job({ project_id: ids.P, job_id: ids.parent }),
    objectStyle: (api, _c, ids) => api.getJob({ projectId: ids.P, jobId: ids.parent }),
  },
  {
    source: ACE_PROJECT,
    python: 'self.client.get_job(self.project_id, jobId, async_req=True).get().to_dict()',
    cmlapiStyle: async (api, _c, ids) =>
      (await api.get_job(ids.P, ids.parent, { async_req: true }).get()).to_dict(),
    objectStyle: async (api, _c, ids) =>
      (await api.getJob({ projectId: ids.P, jobId: ids.parent })).to_dict(),
  },
  {
    source: APIV2,
    python: 'client.update_job(cmlapi.Job(name = "updated_"+ parent_job.name), project_id, parent_job.id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.update_job(cmlapi.Job({ name: 'updated_parentJob' }), ids.P, ids.parent),
    objectStyle: (api, _c, ids) =>
      api.updateJob({ projectId: ids.P, jobId: ids.parent, name: 'updated_parentJob' }),
  },
  {
    source: APIV2,
    python:
      'client.create_job_run(cmlapi.CreateJobRunRequest(project_id, grandparent_job.id), project_id, grandparent_job.id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_job_run(cmlapi.CreateJobRunRequest(ids.P, ids.grandparent), ids.P, ids.grandparent),
    objectStyle: (api, _c, ids) => api.createJobRun({ projectId: ids.P, jobId: ids.grandparent }),
  },
  {
    source: FTS_EVAL,
    python:
      'cml.create_job_run(body=CreateJobRunRequest(project_id=project_id, job_id=created_job.id), project_id=project_id, job_id=created_job.id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_job_run({
        body: cmlapi.models.CreateJobRunRequest({ project_id: ids.P, job_id: ids.child }),
        project_id: ids.P,
        job_id: ids.child,
      }),
    objectStyle: (api, _c, ids) =>
      api.createJobRun({
        projectId: ids.P,
        jobId: ids.child,
        body: { project_id: ids.P, job_id: ids.child },
      }),
  },
  {
    source: APIV2,
    python: 'client.get_job_run(project_id, grandparent_job.id, run_id)',
    cmlapiStyle: (api, _c, ids) => api.get_job_run(ids.P, ids.grandparent, ids.run),
    objectStyle: (api, _c, ids) =>
      api.getJobRun({ projectId: ids.P, jobId: ids.grandparent, runId: ids.run }),
  },
  {
    source: APIV2,
    python: 'client.list_job_runs(project_id, child_job.id)',
    cmlapiStyle: (api, _c, ids) => api.list_job_runs(ids.P, ids.child),
    objectStyle: (api, _c, ids) => api.listJobRuns({ projectId: ids.P, jobId: ids.child }),
  },
  {
    source: APIV2,
    python: 'client.list_job_runs(project_id, job.id, sort="-created_at", page_size=1)',
    cmlapiStyle: (api, _c, ids) =>
      api.list_job_runs(ids.P, ids.grandparent, { sort: '-created_at', page_size: 1 }),
    objectStyle: (api, _c, ids) =>
      api.listJobRuns({ projectId: ids.P, jobId: ids.grandparent, sort: '-created_at', pageSize: 1 }),
  },
  {
    source: APIV2,
    python:
      'client.stop_job_run(project_id, child_job.id, job_run.id)  # except cmlapi.rest.ApiException: pass',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.stop_job_run(ids.P, ids.grandparent, ids.run).catch((error: unknown) => {
        if (!(error instanceof cmlapi.rest.ApiException)) throw error;
        return { status: (error as CmlApiError).status };
      }),
    objectStyle: (api, _c, ids) =>
      api.stopJobRun({ projectId: ids.P, jobId: ids.grandparent, runId: ids.run }).catch((error: unknown) => {
        if (!(error instanceof CmlApiError)) throw error;
        return { status: error.status };
      }),
  },
  {
    source: APIV2,
    python: 'client.create_application(project_id = project_id, body = cmlapi.CreateApplicationRequest(...))',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_application({
        project_id: ids.P,
        body: cmlapi.CreateApplicationRequest({
          name: 'demo_app_py',
          description: 'A sample application to demonstrate CML APIs',
          project_id: ids.P,
          subdomain: 'demo-py',
          runtime_identifier: ids.runtime,
          script: 'entry.py',
        }),
      }),
    objectStyle: (api, _c, ids) =>
      api.createApplication({
        projectId: ids.P,
        name: 'demo_app_js',
        description: 'A sample application to demonstrate CML APIs',
        subdomain: 'demo-js',
        runtimeIdentifier: ids.runtime,
        script: 'entry.py',
      }),
  },
  {
    source: APIV2,
    python: 'client.list_applications(project_id = project_id)',
    cmlapiStyle: (api, _c, ids) => api.list_applications({ project_id: ids.P }),
    objectStyle: (api, _c, ids) => api.listApplications({ projectId: ids.P }),
  },
  {
    source: FTS_RESTARTER,
    python: 'cml.list_applications(project_id).applications',
    cmlapiStyle: async (api, _c, ids) => (await api.list_applications(ids.P)).applications,
    objectStyle: async (api, _c, ids) => (await api.listApplications({ projectId: ids.P })).applications,
  },
  {
    source: APIV2,
    python:
      'client.update_application(cmlapi.Application(name=..., subdomain=..., environment=json.dumps({...})), project_id = project_id, application_id = app.id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.update_application(
        cmlapi.Application({ name: 'updated_app', environment: JSON.stringify({ UPDATED_ENV: 'V' }) }),
        { project_id: ids.P, application_id: ids.app },
      ),
    objectStyle: (api, _c, ids) =>
      api.updateApplication({
        projectId: ids.P,
        applicationId: ids.app,
        name: 'updated_app',
        environment: JSON.stringify({ UPDATED_ENV: 'V' }),
      }),
  },
  {
    source: FTS_RESTARTER,
    python: 'cml.update_application({"nvidia_gpu": 1}, project_id, app.id)',
    cmlapiStyle: (api, _c, ids) => api.update_application({ nvidia_gpu: 1 }, ids.P, ids.app),
    objectStyle: (api, _c, ids) =>
      api.updateApplication({ projectId: ids.P, applicationId: ids.app, nvidiaGpu: 1 }),
  },
  {
    source: FTS_RESTARTER,
    python: 'cml.restart_application(project_id, app.id)',
    cmlapiStyle: (api, _c, ids) => api.restart_application(ids.P, ids.app),
    objectStyle: (api, _c, ids) => api.restartApplication({ projectId: ids.P, applicationId: ids.app }),
  },
  {
    source: APIV2,
    python:
      'client.create_model(cmlapi.CreateModelRequest(name=..., description=..., project_id=project_id), project_id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_model(
        cmlapi.CreateModelRequest({
          name: 'demo-model-py',
          description: 'model created for demo',
          project_id: ids.P,
        }),
        ids.P,
      ),
    objectStyle: (api, _c, ids) =>
      api.createModel({ projectId: ids.P, name: 'demo-model-js', description: 'model created for demo' }),
  },
  {
    source: ACE_DEPLOY,
    python: 'client.list_projects(page_size = 20)',
    cmlapiStyle: (api) => api.list_projects({ page_size: 20 }),
    objectStyle: (api) => api.listProjects({ pageSize: 20 }),
  },
  {
    source: APIV2,
    python: 'client.create_model_build(cmlapi.CreateModelBuildRequest(...), project_id, model.id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_model_build(
        cmlapi.CreateModelBuildRequest({
          project_id: ids.P,
          model_id: ids.model,
          comment: 'test comment',
          file_path: 'pi.py',
          function_name: 'predict',
          runtime_identifier: ids.runtime,
        }),
        ids.P,
        ids.model,
      ),
    objectStyle: (api, _c, ids) =>
      api.createModelBuild({
        projectId: ids.P,
        modelId: ids.model,
        comment: 'test comment',
        filePath: 'pi.py',
        functionName: 'predict',
        runtimeIdentifier: ids.runtime,
      }),
  },
  {
    source: APIV2,
    python:
      'client.create_model_deployment(cmlapi.CreateModelDeploymentRequest(...), project_id = project_id, model_id = model.id, build_id = modelBuild.id)',
    cmlapiStyle: (api, cmlapi, ids) =>
      api.create_model_deployment(
        cmlapi.CreateModelDeploymentRequest({ project_id: ids.P, model_id: ids.model, build_id: ids.build }),
        { project_id: ids.P, model_id: ids.model, build_id: ids.build },
      ),
    objectStyle: (api, _c, ids) =>
      api.createModelDeployment({ projectId: ids.P, modelId: ids.model, buildId: ids.build }),
  },
  {
    source: APIV2,
    python: 'client.get_model(project_id = project_id, model_id = model.id)',
    cmlapiStyle: (api, _c, ids) => api.get_model({ project_id: ids.P, model_id: ids.model }),
    objectStyle: (api, _c, ids) => api.getModel({ projectId: ids.P, modelId: ids.model }),
  },
  {
    source: MONITORING,
    python: 'self.client.list_models(project_id=project_id, sort="-name", async_req=True).get().to_dict()',
    cmlapiStyle: async (api, _c, ids) =>
      (await api.list_models({ project_id: ids.P, sort: '-name', async_req: true }).get()).to_dict(),
    objectStyle: async (api, _c, ids) =>
      (await api.listModels({ projectId: ids.P, sort: '-name' })).to_dict(),
  },
  {
    source: ACE_MLFLOW,
    python: 'client.list_models(project_id, sort=sort, page_size=page_size)',
    cmlapiStyle: (api, _c, ids) => api.list_models(ids.P, { sort: '-created_at', page_size: 2 }),
    objectStyle: (api, _c, ids) => api.listModels({ projectId: ids.P, sort: '-created_at', pageSize: 2 }),
  },
  {
    source: APIV2,
    python: 'client.get_model_build(project_id = project_id, model_id = model.id, build_id = modelBuild.id)',
    cmlapiStyle: (api, _c, ids) =>
      api.get_model_build({ project_id: ids.P, model_id: ids.model, build_id: ids.build }),
    objectStyle: (api, _c, ids) =>
      api.getModelBuild({ projectId: ids.P, modelId: ids.model, buildId: ids.build }),
  },
  {
    source: MONITORING,
    python:
      'self.client.list_model_builds(project_id=project_id, model_id=model_id, async_req=True).get().to_dict()',
    cmlapiStyle: async (api, _c, ids) =>
      (
        await api.list_model_builds({ project_id: ids.P, model_id: ids.model, async_req: true }).get()
      ).to_dict(),
    objectStyle: async (api, _c, ids) =>
      (await api.listModelBuilds({ projectId: ids.P, modelId: ids.model })).to_dict(),
  },
  {
    source: APIV2,
    python:
      'client.get_model_deployment(project_id = project_id, model_id = model.id, build_id = modelBuild.id, deployment_id=...)',
    cmlapiStyle: (api, _c, ids) =>
      api.get_model_deployment({
        project_id: ids.P,
        model_id: ids.model,
        build_id: ids.build,
        deployment_id: ids.deployment,
      }),
    objectStyle: (api, _c, ids) =>
      api.getModelDeployment({
        projectId: ids.P,
        modelId: ids.model,
        buildId: ids.build,
        deploymentId: ids.deployment,
      }),
  },
  {
    source: APIV2,
    python:
      'client.list_model_deployments(project_id = project_id, model_id = model.id, build_id = modelBuild.id)',
    cmlapiStyle: (api, _c, ids) =>
      api.list_model_deployments({ project_id: ids.P, model_id: ids.model, build_id: ids.build }),
    objectStyle: (api, _c, ids) =>
      api.listModelDeployments({ projectId: ids.P, modelId: ids.model, buildId: ids.build }),
  },
  {
    source: APIV2,
    python: 'client.delete_job(project_id = project_id, job_id = parent_job.id)',
    cmlapiStyle: (api, _c, ids, form) => api.delete_job({ project_id: ids.P, job_id: ids.doomedJob[form] }),
    objectStyle: (api, _c, ids, form) => api.deleteJob({ projectId: ids.P, jobId: ids.doomedJob[form] }),
  },
  {
    source: APIV2,
    python: 'client.delete_application(project_id = project_id, application_id = app.id)',
    cmlapiStyle: (api, _c, ids, form) => api.delete_application(ids.P, ids.doomedApp[form]),
    objectStyle: (api, _c, ids, form) =>
      api.deleteApplication({ projectId: ids.P, applicationId: ids.doomedApp[form] }),
  },
];

let emulator: Emulator;
let api: Api;
let cmlapi: Loose;
let ids: Ids;

beforeAll(async () => {
  emulator = await startReal();
  api = createApi({
    spec: realSpec(),
    transport: createTransport({ baseUrl: emulator.url, token: 'demo-token' }),
  });
  cmlapi = createCmlapi(api);
  const a = api as Loose;
  const P = (await a.createProject({ name: 'call-shapes', template: 'Python' })).id;
  const runtime = (await a.listRuntimes({ pageSize: 1 })).runtimes[0].image_identifier;
  const job = async (name: string, parentJobId?: string) =>
    (await a.createJob({ projectId: P, name, script: 'a.py', runtimeIdentifier: runtime, parentJobId })).id;
  const grandparent = await job('grandparentJob');
  const parent = await job('parentJob', grandparent);
  const child = await job('childJob', parent);
  const run = (await a.createJobRun({ projectId: P, jobId: grandparent })).id;
  const application = async (subdomain: string) =>
    (
      await a.createApplication({
        projectId: P,
        name: subdomain,
        subdomain,
        script: 'app.py',
        runtimeIdentifier: runtime,
      })
    ).id;
  const app = await application('shapes-app');
  const model = (await a.createModel({ projectId: P, name: 'shapes-model' })).id;
  const build = (
    await a.createModelBuild({
      projectId: P,
      modelId: model,
      filePath: 'pi.py',
      functionName: 'predict',
      runtimeIdentifier: runtime,
    })
  ).id;
  const deployment = (await a.createModelDeployment({ projectId: P, modelId: model, buildId: build })).id;
  ids = {
    P,
    runtime,
    grandparent,
    parent,
    child,
    run,
    app,
    model,
    build,
    deployment,
    doomedJob: { python: await job('doomed-py'), object: await job('doomed-js') },
    doomedApp: { python: await application('doomed-py'), object: await application('doomed-js') },
  };
}, 60_000);
afterAll(() => emulator?.close());

/** What both forms must agree on: the kind of answer, not its fresh ids and times. */
function shapeOf(value: unknown): unknown {
  if (isPage(value)) return { page: Object.keys(value).sort(), items: value.items.length > 0 };
  if (Array.isArray(value)) return { array: value.length > 0 };
  if (value && typeof value === 'object') return Object.keys(value).sort();
  return typeof value;
}

describe('Python CML scripts carry over: each call shape, cmlapi style and object style', () => {
  it('has at least 30 shapes, each with its source', () => {
    expect(SHAPES.length).toBeGreaterThanOrEqual(30);
    for (const shape of SHAPES) expect(shape.source).toMatch(/^[\w-]+\/[\w.-]+:\S+$/);
  });

  it.each(SHAPES.map((shape) => [shape.python, shape] as const))('%s', async (_python, shape) => {
    const python = await shape.cmlapiStyle(api, cmlapi, ids, 'python');
    const object = await shape.objectStyle(api, cmlapi, ids, 'object');
    expect(shapeOf(python)).toEqual(shapeOf(object));
    if (python && typeof python === 'object' && !Array.isArray(python)) {
      // Results behave like cmlapi's models: to_dict() is a plain copy, and stays out of the data.
      const toDict = (python as Loose).to_dict;
      if (typeof toDict === 'function')
        expect(toDict.call(python)).toEqual(JSON.parse(JSON.stringify(python)));
      expect(Object.keys(python)).not.toContain('to_dict');
    }
  });
});

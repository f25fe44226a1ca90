import {
  arrayOf,
  bool,
  dateTime,
  int32,
  int64String,
  listResponse,
  model,
  ref,
  str,
  strMap,
} from './dsl-fields.js';
import {
  deleteOp,
  downloadOp,
  getOp,
  listOp,
  patchOp,
  postOp,
  type ResourceGroup,
  uploadOp,
} from './dsl-operations.js';

const PROJECTS = '/api/v2/projects';
const FILES = `${PROJECTS}/{project_id}/files`;

/** Projects and the files in them. */
export const projects = (): ResourceGroup => ({
  operations: [
    listOp('ListProjects', PROJECTS, 'ListProjectsResponse', 'List projects.', {
      filter: ['creator.username', 'creator.name', 'creator.email', 'owner.username', 'name', 'description'],
      sort: ['created_at', 'updated_at', 'name', 'creator.username', 'owner.username'],
      query: {
        include_public_projects: bool('Also list public projects the caller is not a member of.'),
        include_all_projects: bool('List every project (administrators only).'),
      },
    }),
    postOp('CreateProject', PROJECTS, 'CreateProjectRequest', 'Project', 'Create a project.'),
    getOp('GetProject', `${PROJECTS}/{project_id}`, 'Project', 'Get a project.'),
    patchOp('UpdateProject', `${PROJECTS}/{project.id}`, 'Project', 'Update a project.'),
    deleteOp('DeleteProject', `${PROJECTS}/{project_id}`, 'DeleteProjectResponse', 'Delete a project.'),
    getOp('ListProjectFiles', `${FILES}/{path}`, 'ListProjectFilesResponse', 'List a folder of a project.'),
    uploadOp('UploadFile', FILES, 'Upload a file into a project.'),
    downloadOp('DownloadProjectFile', `${FILES}/{path}:download`, 'Download a file of a project.'),
    deleteOp('DeleteProjectFile', `${FILES}/{path}`, 'DeleteProjectFileResponse', 'Delete a project file.'),
  ],
  definitions: {
    Project: model('A project: code, files and the workloads that run them.', {
      id: str('Project ID.'),
      name: str('Project name.'),
      description: str('What the project is for.'),
      slug: str('URL-safe project name.'),
      owner: ref('ShortUser'),
      creator: ref('ShortUser'),
      visibility: str('private, organization or public.'),
      default_engine_type: str('ml_runtime or legacy_engine.'),
      creation_status: str('Where project creation is, e.g. success.'),
      environment: str('Project environment variables, as a JSON object in a string.'),
      shared_memory_limit: int32('Shared memory limit of sessions, in MB.'),
      created_at: dateTime(),
      updated_at: dateTime(),
    }),
    CreateProjectRequest: model('A project to create.', {
      name: str('Project name.'),
      description: str('What the project is for.'),
      visibility: str('private, organization or public.'),
      template: str('Template to start from: git, blank, python...'),
      git_url: str('Git repository to clone, for template git.'),
      default_project_engine_type: str('ml_runtime or legacy_engine.'),
      environment: strMap('Project environment variables.'),
      shared_memory_limit: int32('Shared memory limit of sessions, in MB.'),
    }),
    ListProjectsResponse: listResponse('projects', 'Project'),
    DeleteProjectResponse: model('The answer to a project deletion.'),
    FileInfo: model('A file or folder of a project.', {
      path: str('Path relative to the project root.'),
      is_dir: bool('True for a folder.'),
      file_size: int64String('Size in bytes.'),
    }),
    ListProjectFilesResponse: model('The entries of a project folder.', {
      files: arrayOf('FileInfo'),
    }),
    DeleteProjectFileResponse: model('The answer to a file deletion.'),
  },
});

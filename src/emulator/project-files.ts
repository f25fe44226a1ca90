import type { EmulatorContext, Handler } from './context.js';
import { badRequest, notFound } from './http-failure.js';
import { parseMultipart } from './multipart.js';
import { putFileRecord } from './seed-files.js';
import type { Rec } from './store.js';

const PROJECTS = '/api/v2/projects';

const filesPath = (projectId: string) => `${PROJECTS}/${projectId}/files`;

/** `./a//b/` -> `a/b`; the project root is ''. */
export function normalisePath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

function requireProject(ctx: EmulatorContext, projectId: string): void {
  if (!ctx.store.get(PROJECTS, projectId)) throw notFound(`project not found: ${projectId}`);
}

/** Stores bytes at a path. */
export function putFile(ctx: EmulatorContext, projectId: string, path: string, data: Buffer): void {
  putFileRecord(ctx.store, projectId, path, data);
}

/** `report.csv` -> `report(1).csv`, `report(2).csv`...: CML never overwrites on upload. */
function freePath(ctx: EmulatorContext, projectId: string, path: string): string {
  if (!ctx.store.get(filesPath(projectId), path)) return path;
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  const cut = dot > slash + 1 ? dot : path.length;
  for (let n = 1; ; n++) {
    const candidate = `${path.slice(0, cut)}(${n})${path.slice(cut)}`;
    if (!ctx.store.get(filesPath(projectId), candidate)) return candidate;
  }
}

/** UploadFile: each form field's name is the destination path. */
export const uploadFile: Handler = (ctx, req) => {
  const projectId = req.params.project_id ?? '';
  requireProject(ctx, projectId);
  const parts = parseMultipart(req.contentType, req.raw);
  if (parts.length === 0) throw badRequest('no file in the multipart body');
  for (const part of parts) {
    let target = normalisePath(part.name);
    if (target === '' || part.name.endsWith('/'))
      target = normalisePath(`${target}/${part.filename ?? 'upload'}`);
    putFile(ctx, projectId, freePath(ctx, projectId, target), part.data);
  }
  // Live: the workspace answers an upload with 200 and an empty body.
  return {
    status: req.compiled.op.response.status,
    bytes: Buffer.alloc(0),
    headers: { 'content-type': 'application/json' },
  };
};

/** A FileInfo as listings show it: `path` is the entry's name within the folder listed. */
function fileInfo(rec: Rec, name = baseName(String(rec.path))): Rec {
  return { path: name, is_dir: false, file_size: rec.file_size };
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Files at or below a directory ('' = everything). */
function under(ctx: EmulatorContext, projectId: string, dir: string): Rec[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  return ctx.store.items(filesPath(projectId)).items.filter((rec) => String(rec.path).startsWith(prefix));
}

/** ListProjectFiles: the entries directly inside a directory, or the file itself. */
export const listProjectFiles: Handler = (ctx, req) => {
  const projectId = req.params.project_id ?? '';
  requireProject(ctx, projectId);
  const dir = normalisePath(req.params.path ?? '');
  const file = ctx.store.get(filesPath(projectId), dir);
  if (file) return { status: 200, json: { files: [fileInfo(file)] } };
  const prefix = dir === '' ? '' : `${dir}/`;
  const entries = new Map<string, Rec>();
  for (const rec of under(ctx, projectId, dir)) {
    const rest = String(rec.path).slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash === -1) entries.set(rest, fileInfo(rec, rest));
    else if (!entries.has(rest.slice(0, slash)))
      entries.set(rest.slice(0, slash), { path: rest.slice(0, slash), is_dir: true });
  }
  if (dir !== '' && entries.size === 0) throw notFound(`no such file or directory: ${dir}`);
  return { status: 200, json: { files: [...entries.values()] } };
};

/** DownloadProjectFile: the raw bytes. */
export const downloadProjectFile: Handler = (ctx, req) => {
  const projectId = req.params.project_id ?? '';
  requireProject(ctx, projectId);
  const path = normalisePath(req.params.path ?? '');
  const file = ctx.store.get(filesPath(projectId), path);
  if (!file) throw notFound(`no such file: ${path}`);
  return {
    status: 200,
    bytes: Buffer.from(String(file.__content ?? ''), 'base64'),
    headers: { 'content-type': 'application/octet-stream' },
  };
};

/** DeleteProjectFile: a file, or a directory with everything in it. */
export const deleteProjectFile: Handler = (ctx, req) => {
  const projectId = req.params.project_id ?? '';
  requireProject(ctx, projectId);
  const path = normalisePath(req.params.path ?? '');
  const doomed = ctx.store.get(filesPath(projectId), path)
    ? [path]
    : under(ctx, projectId, path).map((r) => String(r.path));
  if (doomed.length === 0 || path === '') throw notFound(`no such file or directory: ${path}`);
  for (const key of doomed) ctx.store.remove(filesPath(projectId), key);
  return { status: 200, json: {} };
};

/** UpdateProjectFileMetadata: a FileInfo body with a new `path` moves the file. */
export const updateProjectFile: Handler = (ctx, req) => {
  const projectId = req.params.project_id ?? '';
  requireProject(ctx, projectId);
  const path = normalisePath(req.params.path ?? '');
  const file = ctx.store.get(filesPath(projectId), path);
  if (!file) throw notFound(`no such file: ${path}`);
  const target = typeof req.body.path === 'string' ? normalisePath(req.body.path) : path;
  if (target !== path) {
    if (target === '' || ctx.store.get(filesPath(projectId), target))
      throw badRequest(`cannot move onto ${target}`);
    ctx.store.remove(filesPath(projectId), path);
    putFile(ctx, projectId, target, Buffer.from(String(file.__content ?? ''), 'base64'));
  }
  const moved = ctx.store.get(filesPath(projectId), target) as Rec;
  return { status: 200, json: fileInfo(moved, String(moved.path)) };
};

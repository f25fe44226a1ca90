import type { Store } from './store.js';

/** Stores a file for a project, as CML's FileInfo plus the content (base64, for the state file). */
export function putFileRecord(store: Store, projectId: string, path: string, content: string | Buffer): void {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  store.put(
    `/api/v2/projects/${projectId}/files`,
    '/api/v2/projects/{}/files',
    `/api/v2/projects/${projectId}`,
    path,
    {
      path,
      is_dir: false,
      file_size: String(data.length),
      __content: data.toString('base64'),
    },
  );
}

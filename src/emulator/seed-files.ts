import type { Store } from './store.js';

/** Stores a text file for a project without a request (seeding, tests). */
export function putFileRecord(store: Store, projectId: string, path: string, text: string): void {
  const data = Buffer.from(text);
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

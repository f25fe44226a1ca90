import { int32, listResponse, model, str } from './dsl-fields.js';
import { listOp, type ResourceGroup } from './dsl-operations.js';

const RUNTIME_KEYS = ['image_identifier', 'editor', 'kernel', 'edition', 'description', 'full_version'];

/** Runtimes: the container images workloads run in. */
export const runtimes = (): ResourceGroup => ({
  operations: [
    listOp('ListRuntimes', '/api/v2/runtimes', 'ListRuntimesResponse', 'List the runtimes available.', {
      filter: RUNTIME_KEYS,
      sort: RUNTIME_KEYS,
    }),
  ],
  definitions: {
    Runtime: model('A container image workloads run in.', {
      image_identifier: str('Image name and tag; what runtime_identifier fields hold.'),
      editor: str('Editor, e.g. JupyterLab or Workbench.'),
      kernel: str('Language and version, e.g. Python 3.10.'),
      edition: str('Edition, e.g. Standard or Nvidia GPU.'),
      description: str('What the runtime is for.'),
      full_version: str('Version of the runtime.'),
      status: str('ENABLED or DISABLED.'),
      register_user_id: int32('User who registered a custom runtime.'),
    }),
    ListRuntimesResponse: listResponse('runtimes', 'Runtime'),
  },
});

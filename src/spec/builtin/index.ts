import type { SwaggerDocument } from '../swagger-types.js';
import { applications } from './applications.js';
import { common } from './common.js';
import { compileSwagger } from './compile.js';
import { experiments } from './experiments.js';
import { jobs } from './jobs.js';
import { models } from './models.js';
import { projects } from './projects.js';
import { runtimes } from './runtimes.js';

/** The real spec version this description was last checked against (see builtin-agrees test). */
export const BUILTIN_CHECKED_AGAINST = '26.06.13';

/**
 * cmlsh's own concise description of the core CML API v2 resources, as Swagger 2.0: used
 * offline and served by the `--demo` emulator. Every operation, parameter and field in it
 * exists with the same shape in the real spec; it is a subset, not a copy. Built when asked
 * for, not at import: the shell reaches this module on its way to the prompt, and needs it
 * only when no workspace spec is at hand.
 */
export function builtinSwagger(): SwaggerDocument {
  return compileSwagger(
    {
      title: 'cmlsh builtin: CML API v2 core',
      version: `${BUILTIN_CHECKED_AGAINST}-core`,
      description: `cmlsh's description of the core resources, checked against CML API v2 ${BUILTIN_CHECKED_AGAINST}.`,
    },
    [common(), projects(), jobs(), applications(), models(), runtimes(), experiments()],
  );
}

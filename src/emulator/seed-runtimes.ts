import type { Rec } from './store.js';

const EDITORS = [
  ['JupyterLab', 'jupyterlab'],
  ['PBJ Workbench', 'pbj-workbench'],
  ['Workbench', 'workbench'],
] as const;
const PYTHONS = ['3.9', '3.10', '3.11', '3.12'];
const RS = ['4.3', '4.4'];

/** The runtime catalogue of a recent CML workspace: Python and R, Standard and GPU editions. */
export function demoRuntimes(): Rec[] {
  const out: Rec[] = [];
  const add = (
    editor: string,
    slug: string,
    kernel: string,
    kernelSlug: string,
    edition: string,
    tag: string,
  ) => {
    out.push({
      image_identifier: `docker.repository.cloudera.com/cloudera/cdsw/ml-runtime-${slug}-${kernelSlug}-${edition.toLowerCase().replace(/\s+/g, '-')}:${tag}`,
      editor,
      kernel,
      edition,
      description: `${edition} runtime provided by Cloudera`,
      full_version: tag,
      status: 'ENABLED',
      register_user_id: 0,
    });
  };
  for (const [editor, slug] of EDITORS) {
    if (editor === 'Workbench') continue;
    for (const version of PYTHONS) {
      add(editor, slug, `Python ${version}`, `python${version}`, 'Standard', '2025.01.3-b8');
      if (version === '3.10' || version === '3.11')
        add(editor, slug, `Python ${version}`, `python${version}`, 'Nvidia GPU', '2025.01.3-b8');
    }
  }
  for (const version of RS)
    add('Workbench', 'workbench', `R ${version}`, `r${version}`, 'Standard', '2025.01.3-b8');
  return out;
}

/** The image most demo jobs and applications run on. */
export const DEFAULT_RUNTIME =
  'docker.repository.cloudera.com/cloudera/cdsw/ml-runtime-jupyterlab-python3.10-standard:2025.01.3-b8';

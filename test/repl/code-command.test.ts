import { describe, expect, it } from 'vitest';
import { CODE_USAGE, codeText, NO_CALL_YET } from '../../src/repl/code-command.js';
import type { Operation } from '../../src/spec/index.js';
import { realSpec } from './real-spec.js';

const BASE = 'https://ml.example.com';
const op = (name: string): Operation => {
  const found = realSpec().operations.find((o) => o.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};
const listJobs = { operation: op('listJobs'), args: { projectId: 'p-1', page_token: 'tok-2' } };
const getProject = { operation: op('getProject'), args: { projectId: 'p-1' } };

describe('.code text', () => {
  it('says how to make a call when there is none yet', () => {
    expect(codeText(undefined, '', BASE)).toBe(NO_CALL_YET);
    expect(codeText(undefined, 'curl', BASE)).toBe(NO_CALL_YET);
  });

  it('writes a list call three ways under headings, each with its paging loop', () => {
    const text = codeText(listJobs, '', BASE);
    const at = (heading: string) => text.indexOf(`\n\n${heading}`);
    const js = text.slice(0, at('# curl'));
    const curl = text.slice(at('# curl') + 2, at('# Python'));
    const python = text.slice(at('# Python') + 2);
    expect(js).toBe(
      [
        '// JavaScript, in cmlsh',
        'for await (const item of api.listJobs.all({ projectId: "p-1" })) {',
        '  console.log(item);',
        '}',
      ].join('\n'),
    );
    expect(curl.split('\n')[0]).toBe('# curl: export API_KEY=<your API key> first');
    expect(curl).toContain(`"${BASE}/api/v2/projects/p-1/jobs?page_token=$token"`);
    expect(curl).toContain('while :; do');
    expect(python.split('\n')[0]).toBe('# Python, with cmlapi (pip install cmlapi)');
    expect(python).toContain('page = api.list_jobs(project_id="p-1", page_token=token)');
    // The token of the page the person was on is not part of the call to repeat.
    expect(text).not.toContain('tok-2');
  });

  it('prints one form alone, bare, by any of its names', () => {
    expect(codeText(getProject, 'js', BASE)).toBe('await api.getProject({ projectId: "p-1" })');
    expect(codeText(getProject, 'JavaScript', BASE)).toBe(codeText(getProject, 'js', BASE));
    expect(codeText(getProject, ' curl ', BASE)).toBe(
      `curl -sS -X GET '${BASE}/api/v2/projects/p-1' \\\n  -H "Authorization: Bearer $API_KEY"`,
    );
    expect(codeText(getProject, 'py', BASE).split('\n').at(-2)).toBe(
      'result = api.get_project(project_id="p-1")',
    );
  });

  it('answers an unknown form with the usage, even names inherited from Object', () => {
    expect(codeText(getProject, 'ruby', BASE)).toBe(CODE_USAGE);
    expect(codeText(getProject, 'toString', BASE)).toBe(CODE_USAGE);
    expect(codeText(undefined, 'ruby', BASE)).toBe(CODE_USAGE);
  });
});

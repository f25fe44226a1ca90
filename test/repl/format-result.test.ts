import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { HelpText, PAGE_INFO, Page, PageTrail } from '../../src/api/index.js';
import { CmlAbortError, CmlApiError } from '../../src/errors/index.js';
import { describeReplError } from '../../src/repl/error-display.js';
import { bytesSummary, countNoun, formatResult, toJsonText } from '../../src/repl/format-result.js';
import { realSpec } from './real-spec.js';

const listProjects = realSpec().operations.find((op) => op.name === 'listProjects')!;
const page = (data: Record<string, unknown>, number = 1, nextToken?: string, fromToken = false) =>
  new Page(data, {
    operation: listProjects,
    args: {},
    number,
    emptyRun: 0,
    trail: new PageTrail(listProjects),
    fromToken,
    nextToken,
    fetchNext: async () => {
      throw new Error('not in this test');
    },
  });
const plain = { json: false, colors: false, width: 100 };

describe('formatResult', () => {
  it('prints a page as a table with its position and what comes next', () => {
    const text = formatResult(
      page({ projects: [{ id: 'a1', name: 'one' }], next_page_token: 't' }, 2, 't'),
      plain,
    );
    expect(text.split('\n')).toEqual(['id  name', 'a1  one', '1 project on page 2 · more: type it']);
    expect(formatResult(page({ projects: [] }, 3), plain)).toBe('0 projects on page 3 · last page');
  });

  it('does not call a page fetched with an explicit page_token page 1', () => {
    const text = formatResult(
      page({ projects: [{ id: 'a1' }], next_page_token: '' }, 1, undefined, true),
      plain,
    );
    expect(text).toContain('1 project on page 1 from the given page_token · last page');
  });

  it('keeps column widths from one page of a listing to the next (`it`)', () => {
    const first = formatResult(
      page({ projects: [{ id: 'a-100000', name: 'a long first-page name' }], next_page_token: 't' }, 1, 't'),
      plain,
    );
    const second = formatResult(page({ projects: [{ id: 'b-2', name: 'b' }] }, 2), plain);
    expect(second.split('\n')[0]).toBe(first.split('\n')[0]);
  });

  it('says the count with the singular or plural of the items field', () => {
    expect(countNoun(1, 'jobs')).toBe('1 job');
    expect(countNoun(1, 'job_runs')).toBe('1 job run');
    expect(countNoun(2, 'job_runs')).toBe('2 job runs');
    expect(countNoun(1, 'projects')).toBe('1 project');
    expect(countNoun(1, 'runtimes')).toBe('1 runtime');
    expect(countNoun(1, 'model_builds')).toBe('1 model build');
    expect(countNoun(0, 'model_builds')).toBe('0 model builds');
    expect(countNoun(1, 'usage_response')).toBe('1 usage response');
  });

  it('prints the raw response in JSON mode, without paging internals', () => {
    const value = page({ projects: [{ id: 'a1' }], next_page_token: '' });
    expect(value[PAGE_INFO].number).toBe(1);
    expect(JSON.parse(formatResult(value, { ...plain, json: true }))).toEqual({
      projects: [{ id: 'a1' }],
      next_page_token: '',
    });
  });

  it('prints arrays of objects as tables, help as text and bytes as a summary', () => {
    expect(formatResult([{ id: 'x', status: 'ok' }], plain).split('\n')).toEqual([
      'id  status',
      'x   ok',
      '1 item',
    ]);
    expect(formatResult(new HelpText('line one\nline two'), plain)).toBe('line one\nline two');
    expect(formatResult(Buffer.from('hello world'), plain)).toBe('<11 bytes: 68 65 6c 6c 6f 20 77 6f …>');
    expect(bytesSummary(new Uint8Array())).toBe('<0 bytes>');
  });

  it('turns bytes into base64 in JSON', () => {
    expect(toJsonText({ file: Buffer.from('hi') })).toBe('{\n  "file": "aGk="\n}');
    expect(toJsonText(new Uint8Array([104, 105]))).toBe('"aGk="');
  });

  it('inspects anything else', () => {
    expect(formatResult({ a: 1 }, plain)).toBe('{ a: 1 }');
    expect(formatResult('text', plain)).toBe("'text'");
  });
});

describe('describeReplError', () => {
  it('says Cancelled for every form of Ctrl+C', () => {
    expect(
      describeReplError(Object.assign(new Error('x'), { code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED' }), false),
    ).toBe('Cancelled');
    expect(describeReplError(new DOMException('aborted', 'AbortError'), false)).toBe('Cancelled');
    expect(describeReplError(new CmlAbortError(), false)).toBe('Cancelled');
  });

  it('names errors from the prompt realm by their own name, with the stack only when verbose', () => {
    const error = runInNewContext('(() => { try { nosuch } catch (e) { return e } })()');
    expect(describeReplError(error, false)).toBe('ReferenceError: nosuch is not defined');
    expect(describeReplError(error, true)).toContain('    at ');
  });

  it('uses the API error message as is', () => {
    const error = new CmlApiError({
      status: 404,
      serverMessage: 'gone',
      request: { method: 'GET', url: '/x' },
    });
    expect(describeReplError(error, false)).toBe('HTTP 404: gone — GET /x');
  });
});

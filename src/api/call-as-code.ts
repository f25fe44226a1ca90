import { fillPath, type Operation, type Param } from '../spec/index.js';
import { paramIndex } from './param-index.js';

/** The same call written three ways, for `.code` and the browser's copy-as-code key. */
export interface CallAsCode {
  readonly javascript: string;
  readonly curl: string;
  readonly python: string;
}

interface Bound {
  param: Param;
  value: unknown;
}

/**
 * Writes the call behind a result as code a person can paste: JavaScript for cmlsh, curl
 * (with `$API_KEY`, never the token itself) and Python for the `cmlapi` client. List
 * operations get their paging loop. Arguments are taken by any spelling, as the api does.
 */
export function callAsCode(
  op: Operation,
  args: Readonly<Record<string, unknown>>,
  baseUrl: string,
): CallAsCode {
  const index = paramIndex(op);
  const bound: Bound[] = [];
  let body: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const param = index.get(key);
    if (!param) {
      if (key === 'body' && value && typeof value === 'object')
        body = { ...(value as Record<string, unknown>), ...body };
      continue;
    }
    if (param.wireName === 'page_token') continue;
    if (param.in === 'body') body = { ...body, [param.wireName]: value };
    else bound.push({ param, value });
  }
  return {
    javascript: javascript(op, bound, body),
    curl: curl(op, bound, body, baseUrl),
    python: python(op, bound, body, baseUrl),
  };
}

function javascript(op: Operation, bound: Bound[], body: Record<string, unknown> | undefined): string {
  const fields = bound.map(({ param, value }) => `${param.name}: ${JSON.stringify(value)}`);
  if (body) fields.push(`body: ${JSON.stringify(body)}`);
  const args = fields.length ? `{ ${fields.join(', ')} }` : '';
  if (!op.list) return `await api.${op.name}(${args})`;
  return [`for await (const item of api.${op.name}.all(${args})) {`, '  console.log(item);', '}'].join('\n');
}

function curl(
  op: Operation,
  bound: Bound[],
  body: Record<string, unknown> | undefined,
  baseUrl: string,
): string {
  const path = fillPath(op.shape, (name) => {
    const value = bound.find((b) => b.param.in === 'path' && b.param.wireName === name)?.value;
    return value === undefined ? `{${name}}` : encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const { param, value } of bound) {
    if (param.in !== 'query') continue;
    for (const v of [value].flat())
      query.append(param.wireName, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const url = `${baseUrl}${path}${query.size ? `?${query}` : ''}`;
  const command = (target: string, indent: string) =>
    [
      `curl -sS -X ${op.method} ${target}`,
      `-H "Authorization: Bearer $API_KEY"`,
      ...(body ? [`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(body))}`] : []),
    ].join(` \\\n${indent}  `);
  if (!op.list) return command(shellQuote(url), '');
  const itemsField = op.list.itemsField ?? 'items';
  return [
    '# every page: page_size is repeated with each next_page_token',
    'token=""',
    'while :; do',
    `  page=$(${command(`"${url}${query.size ? '&' : '?'}page_token=$token"`, '    ')})`,
    `  echo "$page" | jq -c '.${itemsField}[]'`,
    `  token=$(echo "$page" | jq -r '.next_page_token // ""')`,
    '  [ -z "$token" ] && break',
    'done',
  ].join('\n');
}

function python(
  op: Operation,
  bound: Bound[],
  body: Record<string, unknown> | undefined,
  baseUrl: string,
): string {
  const kwargs = bound.map(
    ({ param, value }) =>
      `${param.pythonName}=${pythonLiteral(param.json && typeof value === 'object' ? JSON.stringify(value) : value)}`,
  );
  if (body) kwargs.unshift(`body=${pythonLiteral(body)}`);
  const setup = [
    'import cmlapi',
    '',
    `api = cmlapi.default_client(url="${baseUrl}", cml_api_key=os.environ["API_KEY"])`,
  ];
  const header = ['import os', ...setup];
  if (!op.list)
    return [...header, `result = api.${op.pythonName}(${kwargs.join(', ')})`, 'print(result)'].join('\n');
  const itemsField = op.list.itemsField ?? 'items';
  const loopArgs = [...kwargs, 'page_token=token'].join(', ');
  return [
    ...header,
    'token = ""',
    'while True:',
    `    page = api.${op.pythonName}(${loopArgs})`,
    `    for item in page.${itemsField}:`,
    '        print(item)',
    '    token = page.next_page_token',
    '    if not token:',
    '        break',
  ].join('\n');
}

function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(String(value));
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

import { type ApiSpec, type Operation, type Param, resolveSchema } from '../spec/index.js';
import { exampleCall } from './build-request.js';
import { describeType } from './check-value.js';

/** Plain-text help for one operation: what `api.x.help()`, `.help x` and `describe x` show. */
export function helpText(op: Operation, spec?: ApiSpec): string {
  const lines = [`${op.name}  (${op.pythonName}, ${op.operationId})`, `  ${op.method} ${op.path}`];
  if (op.summary) lines.push(`  ${op.summary}`);
  const groups: [string, Param[]][] = [
    ['Path parameters', op.params.filter((p) => p.in === 'path')],
    ['Query parameters', op.params.filter((p) => p.in === 'query')],
    ['Body fields', op.params.filter((p) => p.in === 'body')],
    ['Form fields', op.params.filter((p) => p.in === 'formData')],
  ];
  for (const [title, params] of groups) {
    if (!params.length) continue;
    lines.push(
      '',
      `${title}${title === 'Body fields' && op.body?.model ? ` (${op.body.model}; or pass body: {...})` : ''}:`,
    );
    const width = Math.min(28, Math.max(...params.map((p) => p.name.length)) + 2);
    for (const p of params) {
      const mark = p.required ? '*' : ' ';
      const about = firstLine(p.description);
      lines.push(`  ${mark}${p.name.padEnd(width)}${describeType(p)}${about ? ` — ${about}` : ''}`);
    }
  }
  if (op.filterKeys.length) lines.push('', `search_filter keys: ${op.filterKeys.join(', ')}`);
  if (op.sortKeys.length) lines.push(`sort keys: ${op.sortKeys.join(', ')} (prefix - for descending)`);
  lines.push('', `Returns: ${returns(op, spec)}`, '', 'Example:', `  await ${exampleCall(op)}`);
  if (op.list) {
    lines.push(
      `  for await (const item of api.${op.name}.all({ limit: 100 })) ...`,
      `  browse(api.${op.name}())`,
    );
  }
  lines.push('', '* required');
  return lines.join('\n');
}

function returns(op: Operation, spec: ApiSpec | undefined): string {
  if (!op.response.schema) return 'raw bytes (a Buffer) or the server’s JSON';
  const model = op.response.model ?? 'an object';
  if (op.list)
    return `${model}: a page of ${op.list.itemsField ?? 'results'} with nextPage(), .pages(), .all()`;
  const fields = spec
    ? Object.keys(resolveSchema(op.response.schema, spec.definitions).properties ?? {})
    : [];
  return fields.length
    ? `${model} { ${fields.slice(0, 8).join(', ')}${fields.length > 8 ? ', …' : ''} }`
    : model;
}

function firstLine(text: string | undefined): string {
  const line = (text ?? '').split('\n')[0]?.trim() ?? '';
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}

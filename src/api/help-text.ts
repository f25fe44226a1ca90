import { type ApiSpec, type Operation, type Param, resolveSchema, type Schema } from '../spec/index.js';
import { wrapWords } from '../util/wrap-words.js';
import { describeType } from './check-value.js';
import { exampleArguments, exampleCall, examplePythonCall, type SeenValue } from './example-call.js';
import { objectForm, pythonSignature } from './signature.js';

/** How help is laid out: the terminal's width, and ids the session has seen for its examples. */
export interface HelpOptions {
  readonly width?: number | undefined;
  readonly seen?: SeenValue | undefined;
}

/** Plain-text help for one operation: what `api.x.help()`, `.help x` and `describe x` show. */
export function helpText(op: Operation, spec?: ApiSpec, options: HelpOptions = {}): string {
  const width = Math.max(40, options.width ?? 100);
  const seen = options.seen;
  const lines = [`${op.name}  (${op.pythonName}, ${op.operationId})`, `  ${op.method} ${op.path}`];
  if (op.summary) lines.push(...wrapWords(op.summary, width, '  ', '  '));
  lines.push('', 'Call:', `  ${pythonSignature(op)}`, `  ${objectForm(op)}`);
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
    const column = Math.min(28, Math.max(...params.map((p) => p.name.length)) + 2);
    for (const p of params) {
      const mark = p.required ? '*' : ' ';
      const about = firstLine(p.description);
      const text = `${describeType(p)}${shape(p.schema, spec)}${about ? ` — ${about}` : ''}`;
      lines.push(...wrapWords(text, width, ' '.repeat(column + 3), `  ${mark}${p.name.padEnd(column)}`));
    }
  }
  if (op.filterKeys.length)
    lines.push('', ...wrapWords(`search_filter keys: ${op.filterKeys.join(', ')}`, width, '  '));
  if (op.sortKeys.length)
    lines.push(...wrapWords(`sort keys: ${op.sortKeys.join(', ')} (prefix - for descending)`, width, '  '));
  lines.push('', ...wrapWords(`Returns: ${returns(op, spec)}`, width, '  '));
  lines.push('', 'Example:', `  await ${exampleCall(op, seen)}`, `  await ${examplePythonCall(op, seen)}`);
  if (op.list) {
    const inner = exampleArguments(op, seen);
    lines.push(
      `  for await (const item of api.${op.name}.all({ ${inner ? `${inner}, ` : ''}limit: 100 })) ...`,
      `  browse(api.${op.name}(${inner ? `{ ${inner} }` : ''}))`,
    );
  }
  if (op.params.some((p) => p.required)) lines.push('', '* required');
  return lines.join('\n');
}

/** A nested object's fields, one level deep: ` { name, script, … }`; `[{ … }]` for arrays of them. */
function shape(schema: Schema | undefined, spec: ApiSpec | undefined): string {
  if (!schema || !spec) return '';
  const resolved = resolveSchema(schema, spec.definitions);
  const target = resolved.type === 'array' ? resolveSchema(resolved.items, spec.definitions) : resolved;
  const keys = Object.keys(target.properties ?? {});
  if (!keys.length) return '';
  const inner = `{ ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''} }`;
  return resolved.type === 'array' ? ` [${inner}]` : ` ${inner}`;
}

function returns(op: Operation, spec: ApiSpec | undefined): string {
  if (!op.response.schema) return 'raw bytes (a Buffer) or the server’s JSON';
  const model = op.response.model ?? 'an object';
  if (op.list)
    return `${model}: a page of ${op.list.itemsField ?? 'results'} with nextPage(), .pages(), .all(), .to_dict()`;
  const fields = spec
    ? Object.keys(resolveSchema(op.response.schema, spec.definitions).properties ?? {})
    : [];
  return fields.length
    ? `${model} { ${fields.slice(0, 8).join(', ')}${fields.length > 8 ? ', …' : ''} }, .to_dict()`
    : model;
}

/** The description's first sentence, whole: help wraps at the terminal's width rather than cutting. */
function firstLine(text: string | undefined): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  // "e.g." and "i.e." end no sentence: the spec says "Creation status of the project (e.g. creating, …".
  const end = flat.search(/(?<!\b(?:e\.g|i\.e|etc|vs))[.!?] /);
  return end < 0 ? flat : flat.slice(0, end + 1);
}

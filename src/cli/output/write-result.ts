import { isPage } from '../../api/index.js';
import { cellText, csvLine, type ItemSchema } from '../../present/index.js';
import { jsonText, type OutputFormat, plain } from './format.js';
import { itemWriter } from './item-writer.js';
import type { Sink } from './sink.js';
import { keyValueTable } from './table.js';

/**
 * Writes the answer of one call. Raw bytes (downloads) go out as they are. A list page
 * prints as the server sent it in json/yaml, and as its items in jsonl/table/csv.
 */
export async function writeResult(
  value: unknown,
  format: OutputFormat,
  sink: Sink,
  item?: ItemSchema,
): Promise<void> {
  await writeValue(value, format, sink, item);
  await sink.flush();
}

async function writeValue(
  value: unknown,
  format: OutputFormat,
  sink: Sink,
  item: ItemSchema | undefined,
): Promise<void> {
  if (value instanceof Uint8Array) return sink.write(value);
  const items = isPage(value) ? value.items : Array.isArray(value) ? value : undefined;
  if (items && (format === 'jsonl' || format === 'table' || format === 'csv' || Array.isArray(value))) {
    const writer = await itemWriter(format, sink, item);
    await writer.writeItems(items);
    return writer.end();
  }
  switch (format) {
    case 'json':
      return sink.write(`${jsonText(value, sink.columns !== undefined, 2)}\n`);
    case 'jsonl':
      return sink.write(`${jsonText(value, sink.columns !== undefined)}\n`);
    case 'yaml': {
      const YAML = await import('yaml');
      return sink.write(YAML.stringify(plain(value)));
    }
    case 'table':
      if (value && typeof value === 'object')
        return sink.write(keyValueTable(plain(value) as Record<string, unknown>));
      return sink.write(`${cellText(value)}\n`);
    case 'csv':
      if (value && typeof value === 'object') {
        const row = plain(value) as Record<string, unknown>;
        return sink.write(csvLine(Object.keys(row)) + csvLine(Object.values(row)));
      }
      return sink.write(csvLine([value]));
  }
}

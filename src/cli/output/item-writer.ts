import { cellText, csvLine, type ItemSchema } from '../../present/index.js';
import { jsonText, type OutputFormat, plain } from './format.js';
import type { Sink } from './sink.js';
import { type CliTable, layoutTable, tableHeader, tableNote, tableRow } from './table.js';

/**
 * Writes items one at a time in one format, into the sink's buffer; `end()` closes what
 * needs closing (`]`) and flushes the sink.
 */
export interface ItemWriter {
  /**
   * Writes a page of items: as one text where the format allows (jsonl, json), so that
   * `call --all` awaits once a page rather than once an item.
   */
  writeItems(items: readonly unknown[]): Promise<void>;
  /** Items written so far, for the message of an output cut short. */
  readonly written: number;
  end(): Promise<void>;
  /**
   * Ends early (Ctrl+C, a failed page): the items written so far, then what closes them, even
   * after the sink's signal fired, so that `-o json` cut short is still valid JSON. Never throws.
   */
  close(): Promise<void>;
}

/** Rows a table waits for before it picks its columns and widths. */
const TABLE_SAMPLE = 50;

/**
 * An item writer for `format`. Each one writes as items arrive (only `table` holds back its
 * first rows to choose column widths), so `call --all` memory stays flat however many items.
 */
export async function itemWriter(format: OutputFormat, sink: Sink, item?: ItemSchema): Promise<ItemWriter> {
  const writer = await formatWriter(format, sink, item);
  const end = async () => {
    await writer.end();
    await sink.flush();
  };
  let written = 0;
  const { write: one, text } = writer;
  const many = text && ((items: readonly unknown[]) => sink.write(items.map(text).join('')));
  return {
    async writeItems(items) {
      if (many) {
        // Counted once the sink has taken the text: it is on the stream even if the wait
        // for 'drain' that follows is cut short by Ctrl+C.
        const writing = many(items);
        written += items.length;
        await writing;
        return;
      }
      for (const item of items) {
        await one(item);
        written++;
      }
    },
    get written() {
      return written;
    },
    end,
    close: async () => {
      sink.closing();
      await end().catch(() => undefined);
    },
  };
}

/**
 * One format's writing; itemWriter adds pages, counting, flushing and the early close.
 * `text`, where a format has it, is one item's text with nothing held back between items.
 */
interface FormatWriter {
  write(item: unknown): Promise<void>;
  text?: (item: unknown) => string;
  end(): Promise<void>;
}

async function formatWriter(
  format: OutputFormat,
  sink: Sink,
  item: ItemSchema | undefined,
): Promise<FormatWriter> {
  switch (format) {
    case 'json':
      return jsonArrayWriter(sink);
    case 'jsonl': {
      const text = (item: unknown) => `${jsonText(item, sink.columns !== undefined)}\n`;
      return { write: (item) => sink.write(text(item)), text, end: async () => {} };
    }
    case 'yaml': {
      const YAML = await import('yaml');
      let count = 0;
      return {
        write: (item) => {
          count++;
          return sink.write(YAML.stringify([plain(item)]));
        },
        end: async () => {
          if (count === 0) await sink.write('[]\n');
        },
      };
    }
    case 'csv':
      return csvWriter(sink);
    case 'table':
      return tableWriter(sink, item);
  }
}

function jsonArrayWriter(sink: Sink): FormatWriter {
  let count = 0;
  const text = (item: unknown) =>
    `${count++ === 0 ? '[\n  ' : ',\n  '}${jsonText(item, sink.columns !== undefined, 2).replace(/\n/g, '\n  ')}`;
  return {
    write: (item) => sink.write(text(item)),
    text,
    async end() {
      await sink.write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

function csvWriter(sink: Sink): FormatWriter {
  let columns: string[] | undefined;
  return {
    async write(item) {
      const row = asRow(item);
      if (!columns) {
        columns = Object.keys(row);
        await sink.write(csvLine(columns));
      }
      await sink.write(csvLine(columns.map((column) => row[column])));
    },
    end: async () => {},
  };
}

function tableWriter(sink: Sink, item: ItemSchema | undefined): FormatWriter {
  const sample: unknown[] = [];
  let table: CliTable | undefined;
  const flush = async () => {
    // A terminal has columns; a pipe or file does not, and gets no colour.
    table = layoutTable(sample, sink.columns, item, { isTTY: sink.columns !== undefined });
    await sink.write(tableHeader(table));
    for (const row of sample.splice(0)) await sink.write(tableRow(table, row));
  };
  return {
    async write(row) {
      if (table) return sink.write(tableRow(table, row));
      sample.push(row);
      if (sample.length >= TABLE_SAMPLE) await flush();
    },
    async end() {
      if (!table && sample.length) await flush();
      if (table) await sink.write(tableNote(table));
      else await sink.write('(no items)\n');
    },
  };
}

function asRow(item: unknown): Record<string, unknown> {
  if (item && typeof item === 'object' && !Array.isArray(item)) return item as Record<string, unknown>;
  return { value: cellText(item) };
}

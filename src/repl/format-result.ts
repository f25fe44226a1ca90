import { inspect } from 'node:util';
import { HelpText, isPage, PAGE_INFO, type Page } from '../api/index.js';
import { formatTable } from './format-table.js';

export interface ResultFormat {
  /** Print JSON instead of tables and inspected objects. */
  readonly json: boolean;
  /** ANSI colours (the output is a terminal). */
  readonly colors: boolean;
  /** Terminal columns; 120 when unknown. */
  readonly width?: number | undefined;
  /** What a page's footer says when there is a next one; default "more: type it" (the prompt's `it`). */
  readonly more?: string | undefined;
}

const BOLD = (text: string) => `\u001b[1m${text}\u001b[22m`;
const DIM = (text: string) => `\u001b[2m${text}\u001b[22m`;

/**
 * How a value prints for people: a page or an array of objects as a table with a footer,
 * help as text, bytes as a summary, anything else inspected. With `json`, the raw JSON
 * (a page as the server sent it, bytes as base64).
 */
export function formatResult(value: unknown, format: ResultFormat): string {
  if (value instanceof HelpText) return value.text;
  if (format.json) return toJsonText(value);
  const style = format.colors ? { header: BOLD, note: DIM } : { header: plain, note: plain };
  if (isPage(value)) return formatPage(value, format, style);
  if (value instanceof Uint8Array) return style.note(bytesSummary(value));
  if (Array.isArray(value) && value.length && value.every(isPlainObject)) {
    const table = formatTable(value, { width: format.width, styleHeader: style.header });
    return `${table}\n${style.note(countNoun(value.length, 'items'))}`;
  }
  return inspect(value, { colors: format.colors, depth: 6, breakLength: format.width ?? 120 });
}

/** JSON text of a result: pages print their response, bytes print as a base64 string. */
export function toJsonText(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (item instanceof Uint8Array) return Buffer.from(item).toString('base64');
      if (
        item &&
        typeof item === 'object' &&
        'type' in item &&
        item.type === 'Buffer' &&
        'data' in item &&
        Array.isArray(item.data)
      ) {
        // Buffer#toJSON ran before the replacer saw it.
        return Buffer.from(item.data as number[]).toString('base64');
      }
      return item;
    },
    2,
  );
}

/** "<12345 bytes: 89 50 4e 47 …>" — never the whole file on the screen. */
export function bytesSummary(bytes: Uint8Array): string {
  const head = [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `<${bytes.length} bytes${bytes.length ? `: ${head}${bytes.length > 8 ? ' …' : ''}` : ''}>`;
}

function formatPage(
  page: Page,
  format: ResultFormat,
  style: { header: (t: string) => string; note: (t: string) => string },
): string {
  const info = page[PAGE_INFO];
  const items = page.items;
  const noun = countNoun(items.length, info.operation.list?.itemsField ?? 'items');
  const more = page.hasNextPage ? (format.more ?? 'more: type it') : 'last page';
  const footer = style.note(`${noun} on page ${info.number} · ${more}`);
  if (!items.length) return footer;
  const table = items.every(isPlainObject)
    ? formatTable(items, { width: format.width, styleHeader: style.header })
    : inspect(items, { colors: format.colors, depth: 4 });
  return `${table}\n${footer}`;
}

/**
 * "1 job run", "3 job runs": a count with the noun of a list's items field, read off the
 * field name itself (spaces for underscores, no trailing `s` for one), so every list of
 * the spec gets a word without a table of names.
 */
export function countNoun(count: number, itemsField: string): string {
  const plural = itemsField.replace(/_/g, ' ');
  const noun = count === 1 && /[^s]s$/.test(plural) ? plural.slice(0, -1) : plural;
  return `${count} ${noun}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plain(text: string): string {
  return text;
}

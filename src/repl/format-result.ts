import { inspect } from 'node:util';
import { HelpText, isPage, PAGE_INFO, type Page } from '../api/index.js';
import {
  itemSchemaOf,
  type Palette,
  palette,
  safeInspected,
  safeText,
  type TableLayout,
  toJson,
} from '../present/index.js';
import type { ApiSpec } from '../spec/index.js';
import { formatTable } from './format-table.js';

export interface ResultFormat {
  /** Print JSON instead of tables and inspected objects. */
  readonly json: boolean;
  /** ANSI colours (the output is a terminal and NO_COLOR is not set). */
  readonly colors: boolean;
  /** Terminal columns; 120 when unknown. */
  readonly width?: number | undefined;
  /** What a page's footer says when there is a next one; default "more: type it" (the prompt's `it`). */
  readonly more?: string | undefined;
  /** The spec, so a page's columns come from its item schema as in the browser and `call`. */
  readonly spec?: ApiSpec | undefined;
}

/** The last listing printed and its layout: its next page keeps the same column widths. */
let lastListing: { readonly key: string; readonly layout: TableLayout } | undefined;

/**
 * How a value prints for people: a page or an array of objects as a table with a footer,
 * help as text, bytes as a summary, anything else inspected. With `json`, the raw JSON
 * (a page as the server sent it, bytes as base64). Server text is made terminal-safe.
 */
export function formatResult(value: unknown, format: ResultFormat): string {
  if (value instanceof HelpText) return safeText(value.text);
  if (format.json) return toJsonText(value);
  const style = palette(format.colors);
  if (isPage(value)) return formatPage(value, format, style);
  if (value instanceof Uint8Array) return style.dim(bytesSummary(value));
  if (Array.isArray(value) && value.length && value.every(isPlainObject)) {
    const table = formatTable(value, { width: format.width, palette: style });
    return [table.text, style.dim(countNoun(value.length, 'items')), table.note && style.dim(table.note)]
      .filter(Boolean)
      .join('\n');
  }
  return safeInspected(inspect(value, { colors: format.colors, depth: 6, breakLength: format.width ?? 120 }));
}

/** JSON text of a result: pages print their response, bytes print as a base64 string. */
export function toJsonText(value: unknown): string {
  if (value === undefined) return '';
  return toJson(value, 2, { thorough: true });
}

/** "<12345 bytes: 89 50 4e 47 …>" — never the whole file on the screen. */
export function bytesSummary(bytes: Uint8Array): string {
  const head = [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `<${bytes.length} bytes${bytes.length ? `: ${head}${bytes.length > 8 ? ' …' : ''}` : ''}>`;
}

function formatPage(page: Page, format: ResultFormat, style: Palette): string {
  const info = page[PAGE_INFO];
  const items = page.items;
  const noun = countNoun(items.length, info.operation.list?.itemsField ?? 'items');
  const more = page.hasNextPage ? (format.more ?? 'more: type it') : 'last page';
  const where = info.fromToken
    ? `on page ${info.number} from the given page_token`
    : `on page ${info.number}`;
  const footer = style.dim(`${noun} ${where} · ${more}`);
  if (!items.length) return footer;
  if (!items.every(isPlainObject))
    return `${safeInspected(inspect(items, { colors: format.colors, depth: 4 }))}\n${footer}`;
  const key = `${info.operation.name} ${JSON.stringify(info.args)} ${format.width}`;
  const previous = lastListing?.key === key && info.number > 1 ? lastListing.layout : undefined;
  const table = formatTable(items, {
    item: itemSchemaOf(info.operation, format.spec),
    width: format.width,
    palette: style,
    previous,
  });
  if (table.layout) lastListing = { key, layout: table.layout };
  return [table.text, footer, table.note && style.dim(table.note)].filter(Boolean).join('\n');
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

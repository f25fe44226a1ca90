import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { Call } from '../api/relations.js';
import type { BrowserModel } from './browser-model.js';
import { ProgressBar } from './components/ProgressBar.js';
import { Prompt } from './components/Prompt.js';
import { Spinner } from './components/Spinner.js';
import { filterSummary } from './filter-summary.js';

/** The changing status line: the prompt being typed, load progress, or the last message. */
export function activityOf(
  model: BrowserModel,
  message: string | undefined,
  tick: number,
  width: number,
): ReactNode {
  const { mode, pager, input } = model;
  if (mode === 'filter')
    return <Prompt label="/" value={input.value} hint="Enter applies · Esc clears · then S: on the server" />;
  if (mode === 'export')
    return (
      <Prompt label="export to: " value={input.value} hint=".json .jsonl .csv · Enter writes · Esc cancels" />
    );
  if (pager.loading === 'all')
    return (
      <ProgressBar
        fraction={pager.hasMore ? undefined : 1}
        width={Math.min(30, width - 40)}
        tick={tick}
        label={`${pager.rows.length} rows · ${pager.pageStarts.length} pages · Esc stops`}
      />
    );
  if (pager.loading)
    return (
      <Text>
        <Spinner tick={tick} /> loading page {pager.pageStarts.length + 1}…
      </Text>
    );
  return message ? <Text wrap="truncate">{message}</Text> : undefined;
}

/** The steady status line: filter (and what it cannot see), server filter, sort, marks, keys. */
export function infoOf(model: BrowserModel, call: Call | undefined): string {
  const { filter, pager, sort, selection, mode } = model;
  const serverSide = call?.args.search_filter;
  const inDetail = mode === 'detail';
  return [
    filter.query
      ? filterSummary({
          query: filter.query,
          matched: model.view.length,
          loaded: pager.rows.length,
          hasMore: pager.hasMore,
          total: pager.total,
          pageSize: pager.pageStarts.length > 1 ? (pager.pageStarts[1] ?? 0) : pager.rows.length,
        })
      : '',
    serverSide === undefined ? '' : `search_filter ${JSON.stringify(serverSide)} on the server`,
    sort.order ? `sorted by ${sort.order.key || 'value'} ${sort.order.descending ? 'desc' : 'asc'}` : '',
    selection.marks.size ? `${selection.marks.size} marked` : '',
    inDetail && model.related.length ? 'g related' : '',
    inDetail ? '? help · Esc back · q quit' : '? help · q quit',
  ]
    .filter(Boolean)
    .join(' · ');
}

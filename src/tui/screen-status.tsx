import { Text } from 'ink';
import type { ReactNode } from 'react';
import { ProgressBar } from './components/ProgressBar.js';
import { Prompt } from './components/Prompt.js';
import { Spinner } from './components/Spinner.js';
import { count } from './count.js';
import { filterSummary } from './filter-summary.js';
import { suggestedName } from './state/open.js';
import { displayed, inDetail, relatedOf } from './state/select.js';
import type { BrowserState, ViewState } from './state/types.js';

/** The changing status line: the prompt being typed, a question, load progress, or the last message. */
export function activityOf(view: ViewState, tick: number, width: number): ReactNode {
  const { mode, loading } = view;
  if (mode === 'filter')
    return (
      <Prompt
        label="/"
        value={view.query}
        hint="text anywhere, or field=value (owner.username=ada) · Enter keeps · Esc clears · S: on the server"
      />
    );
  if (mode === 'export')
    return (
      <Prompt
        label="export to: "
        value={view.input}
        placeholder={suggestedName(view)}
        hint={`${view.marks.size > 0 ? `${count(view.marks.size, 'marked row')}` : count(displayed(view).length, 'row')} · .json .jsonl .csv · Enter writes · Esc cancels`}
      />
    );
  if (mode === 'confirm' && view.question)
    return (
      <Text wrap="truncate">
        <Text color="yellow">{view.question.text}</Text> (y/N)
      </Text>
    );
  if (loading?.kind === 'all')
    return (
      <ProgressBar
        fraction={view.next ? undefined : 1}
        width={Math.min(30, width - 40)}
        tick={tick}
        label={`${count(view.rows.length, 'row')} · ${count(view.pages.length, 'page')} · Esc stops`}
      />
    );
  if (loading) {
    const what =
      loading.kind === 'refresh'
        ? 'refreshing…'
        : loading.kind === 'action'
          ? `${loading.what}…`
          : `loading page ${view.pages.length + 1}…`;
    return (
      <Text>
        <Spinner tick={tick} /> {what}
      </Text>
    );
  }
  return view.message ? <Text wrap="truncate">{view.message}</Text> : undefined;
}

/** The steady status line: filter (and what it cannot see), server filter, sort, marks, keys. */
export function infoOf(state: BrowserState, view: ViewState): string {
  const serverSide = view.call?.args.search_filter ?? view.call?.args.searchFilter;
  const detail = inDetail(view) || view.mode === 'detail';
  return [
    view.query
      ? filterSummary({
          query: view.query,
          matched: displayed(view).length,
          loaded: view.rows.length,
          hasMore: view.next !== undefined,
          total: view.total,
          pageSize: view.pages.length > 1 ? (view.pages[1]?.start ?? 0) : view.rows.length,
        })
      : '',
    serverSide === undefined ? '' : `search_filter ${JSON.stringify(serverSide)} on the server`,
    view.order ? `sorted by ${view.order.key || 'value'} ${view.order.descending ? 'desc' : 'asc'}` : '',
    view.marks.size ? `${view.marks.size} marked` : '',
    view.watching ? 'auto-refresh on' : '',
    detail && relatedOf(state, view).length ? 'g related' : '',
    detail ? '? help · Esc back · q quit' : '? help · q quit',
  ]
    .filter(Boolean)
    .join(' · ');
}

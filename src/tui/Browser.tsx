import { Box, Text, useStdout } from 'ink';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ApiSpec } from '../spec/index.js';
import type { BrowserModel, Mode } from './browser-model.js';
import { DetailView } from './components/DetailView.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { PickList } from './components/PickList.js';
import { ProgressBar } from './components/ProgressBar.js';
import { Prompt } from './components/Prompt.js';
import { Spinner } from './components/Spinner.js';
import { StatusLine } from './components/StatusLine.js';
import { Table, type TableRow } from './components/Table.js';
import type { Feed } from './feed.js';
import { useBrowserKeys } from './hooks/use-browser-keys.js';
import { useColumns } from './hooks/use-columns.js';
import { useDetail } from './hooks/use-detail.js';
import { useExport } from './hooks/use-export.js';
import { useFilter } from './hooks/use-filter.js';
import { usePager } from './hooks/use-pager.js';
import { useSelection } from './hooks/use-selection.js';
import { useSort } from './hooks/use-sort.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useTextInput } from './hooks/use-text-input.js';
import { useTick } from './hooks/use-tick.js';
import { osc52 } from './osc52.js';
import { firstPositionOfPage, pageIndexOf } from './page-position.js';
import { browserResult } from './result.js';

export interface BrowserProps {
  readonly feed: Feed;
  readonly spec?: ApiSpec | undefined;
  readonly title?: string | undefined;
  readonly exportDir?: string | undefined;
  /** Called once, when the user leaves, with what they picked. */
  readonly onExit: (value: unknown) => void;
  /** Told how many rows each table render was given (benchmarks and tests). */
  readonly onTableRows?: ((count: number) => void) | undefined;
}

/** Lines around the table body: header, column header, two status lines, and one spare. */
const CHROME = 5;

/** The browser screen: owns all state through hooks and hands leaf components what to draw. */
export function Browser({ feed, spec, title, exportDir, onExit, onTableRows }: BrowserProps) {
  const size = useTerminalSize();
  const { write } = useStdout();
  const bodyHeight = Math.max(3, size.rows - CHROME);
  const pager = usePager(feed);
  const filter = useFilter(pager.rows, pager.version);
  const sort = useSort(pager.rows, filter.indices);
  const view = sort.indices;
  const selection = useSelection(view.length, bodyHeight);
  const visible: unknown[] = [];
  for (let p = selection.viewport.start; p < selection.viewport.end; p++)
    visible.push(pager.rows[view[p] ?? 0]);
  const columns = useColumns(pager.rows, pager.version, pager.operation, spec, size.columns, visible);
  const [mode, setMode] = useState<Mode>(feed.kind === 'value' ? 'detail' : 'table');
  const [helpReturn, setHelpReturn] = useState<Mode>('table');
  const [pickCursor, setPickCursor] = useState(0);
  const [detailRow, setDetailRow] = useState<number | undefined>(undefined);
  const [message, say] = useState<string | undefined>(undefined);
  const [pendingPage, setPendingPage] = useState<number | undefined>(undefined);
  const input = useTextInput();
  const exporter = useExport(exportDir);
  const left = useRef(false);
  const singleValue = pager.single !== undefined;
  const shownMode: Mode = singleValue && mode === 'table' ? 'detail' : mode;
  const detailValue = pager.single
    ? pager.single.value
    : detailRow === undefined
      ? undefined
      : pager.rows[detailRow];
  const detail = useDetail(detailValue, bodyHeight + 1);
  const tick = useTick(pager.loading !== false);

  // n on the last loaded page: move there once the page has arrived, or give up on failure.
  useEffect(() => {
    if (pendingPage === undefined) return;
    if (pager.pageStarts.length > pendingPage) {
      const position = firstPositionOfPage(view, pager.pageStarts, pendingPage, sort.order !== undefined);
      if (position >= 0) selection.moveTo(position);
      setPendingPage(undefined);
    } else if (!pager.loading) {
      setPendingPage(undefined);
    }
  }, [pendingPage, pager.pageStarts, pager.loading, view, sort.order, selection]);

  const model: BrowserModel = {
    mode: shownMode,
    setMode,
    helpReturn,
    setHelpReturn,
    pager,
    filter,
    sort,
    columns,
    selection,
    detail,
    input,
    exporter,
    view,
    pageHeight: bodyHeight,
    pickCursor,
    setPickCursor,
    openDetail(rowIndex) {
      setDetailRow(rowIndex);
      setMode('detail');
    },
    jumpToPage: setPendingPage,
    say,
    copy(text) {
      write(osc52(text));
      say(`copied ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`);
    },
    leave() {
      if (left.current) return;
      left.current = true;
      pager.stop();
      onExit(browserResult(pager.rows, selection.marks, shownMode === 'detail' ? detailValue : undefined));
    },
    singleValue,
  };
  useBrowserKeys(model);

  const cursorRow = view[selection.cursor];
  const page =
    pager.pageStarts.length === 0
      ? undefined
      : pager.pageNumbers[cursorRow === undefined ? 0 : pageIndexOf(pager.pageStarts, cursorRow)];
  const heading = title ?? pager.operation?.name ?? 'browse';

  let body: ReactNode;
  if (shownMode === 'help') {
    body = <HelpOverlay height={bodyHeight + 1} />;
  } else if (shownMode === 'detail') {
    body = (
      <DetailView
        lines={detail.lines}
        cursor={detail.cursor}
        viewport={detail.viewport}
        height={bodyHeight + 1}
      />
    );
  } else if (shownMode === 'sort' || shownMode === 'columns') {
    const sorting = shownMode === 'sort';
    const keys = sorting ? columns.fitted.map((c) => c.key) : columns.candidates;
    body = (
      <PickList
        title={sorting ? 'Sort by' : 'Columns'}
        items={keys.map((key) => ({
          label: key || 'value',
          checked: sorting ? undefined : columns.chosen.includes(key),
        }))}
        cursor={pickCursor}
        height={bodyHeight + 1}
        hint={
          sorting ? 'Enter sorts (again: descending, then off) · Esc cancels' : 'Space toggles · Esc closes'
        }
      />
    );
  } else {
    const rows: TableRow[] = [];
    for (let p = selection.viewport.start; p < selection.viewport.end; p++) {
      const index = view[p] ?? 0;
      rows.push({
        index,
        item: pager.rows[index],
        marked: selection.marks.has(index),
        selected: p === selection.cursor,
      });
    }
    onTableRows?.(rows.length);
    const emptyText = pager.loading ? 'loading…' : filter.query ? 'no loaded rows match' : 'no rows';
    body = (
      <Table
        columns={columns.fitted}
        rows={rows}
        sort={sort.order}
        height={bodyHeight}
        emptyText={emptyText}
      />
    );
  }

  let activity: ReactNode = message ? <Text wrap="truncate">{message}</Text> : undefined;
  if (shownMode === 'filter')
    activity = <Prompt label="/" value={input.value} hint="Enter applies · Esc clears" />;
  else if (shownMode === 'export')
    activity = (
      <Prompt label="export to: " value={input.value} hint=".json .jsonl .csv · Enter writes · Esc cancels" />
    );
  else if (pager.loading === 'all')
    activity = (
      <ProgressBar
        fraction={pager.hasMore ? undefined : 1}
        width={Math.min(30, size.columns - 40)}
        tick={tick}
        label={`${pager.rows.length} rows · ${pager.pageStarts.length} pages · Esc stops`}
      />
    );
  else if (pager.loading)
    activity = (
      <Text>
        <Spinner tick={tick} /> loading page {pager.pageStarts.length + 1}…
      </Text>
    );

  const info = [
    filter.query ? `${view.length} of ${pager.rows.length} loaded rows match "${filter.query}"` : '',
    sort.order ? `sorted by ${sort.order.key || 'value'} ${sort.order.descending ? 'desc' : 'asc'}` : '',
    selection.marks.size ? `${selection.marks.size} marked` : '',
    shownMode === 'detail' ? '? help · Esc back · q quit' : '? help · q quit',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Box flexDirection="column" width={size.columns}>
      <Header
        title={heading}
        page={page}
        pagesLoaded={pager.pageStarts.length}
        rowsLoaded={pager.rows.length}
        hasMore={pager.hasMore}
        view={shownMode === 'table' ? undefined : shownMode}
      />
      {body}
      <StatusLine activity={activity} info={info} error={pager.loading ? undefined : pager.error} />
    </Box>
  );
}

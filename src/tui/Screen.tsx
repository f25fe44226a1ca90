import { Box, useStdout } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { callAsCode } from '../api/call-as-code.js';
import type { Api } from '../api/create-api.js';
import type { Call } from '../api/relations.js';
import type { ApiSpec } from '../spec/index.js';
import type { BrowserModel, Mode } from './browser-model.js';
import { callFeed } from './call-feed.js';
import { CODE_TABS } from './components/CodeOverlay.js';
import { Header } from './components/Header.js';
import { ScreenBody } from './components/ScreenBody.js';
import { StatusLine } from './components/StatusLine.js';
import { useBrowserKeys } from './hooks/use-browser-keys.js';
import { useColumns } from './hooks/use-columns.js';
import { useDetail } from './hooks/use-detail.js';
import { useExport } from './hooks/use-export.js';
import { useFilter } from './hooks/use-filter.js';
import { usePager } from './hooks/use-pager.js';
import { useRelations } from './hooks/use-relations.js';
import { useSelection } from './hooks/use-selection.js';
import { useSort } from './hooks/use-sort.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useTextInput } from './hooks/use-text-input.js';
import { useTick } from './hooks/use-tick.js';
import { itemLabel } from './item-label.js';
import { osc52 } from './osc52.js';
import { firstPositionOfPage, pageIndexOf } from './page-position.js';
import { relatedItems } from './related-items.js';
import { browserResult } from './result.js';
import { activityOf, infoOf } from './screen-status.js';
import { serverFilter } from './server-filter.js';
import type { ViewEntry } from './view-entry.js';

export interface ScreenProps {
  readonly entry: ViewEntry;
  /** Only the top view draws and takes keys; the views below keep their state for Esc. */
  readonly active: boolean;
  /** How many views lie below this one. */
  readonly depth: number;
  readonly spec: ApiSpec | undefined;
  /** Calls drill-down and server-side filters make; without it both are hidden. */
  readonly api: Api | undefined;
  /** Base URL written into copied code. */
  readonly baseUrl: string;
  readonly exportDir: string | undefined;
  readonly onTableRows: ((count: number) => void) | undefined;
  /** Opens a view on top of this one. */
  readonly open: (entry: Omit<ViewEntry, 'id'>) => void;
  /** Closes this view; false when it is the bottom one. */
  readonly back: () => boolean;
  readonly onExit: (value: unknown) => void;
}

/** Lines around the table body: header, column header, two status lines, and one spare. */
const CHROME = 5;

/** One view of the browser: owns its rows, cursor, filter and folds through hooks. */
export function Screen(props: ScreenProps) {
  const { entry, active, depth, spec, api, exportDir, onTableRows } = props;
  const size = useTerminalSize();
  const { write } = useStdout();
  const bodyHeight = Math.max(3, size.rows - CHROME);
  const pager = usePager(entry.feed);
  const filter = useFilter(pager.rows, pager.version);
  const sort = useSort(pager.rows, filter.indices);
  const view = sort.indices;
  const selection = useSelection(view.length, bodyHeight);
  const visible: unknown[] = [];
  for (let p = selection.viewport.start; p < selection.viewport.end; p++)
    visible.push(pager.rows[view[p] ?? 0]);
  const columns = useColumns(pager.rows, pager.version, pager.operation, spec, size.columns, visible);
  const [mode, setMode] = useState<Mode>(entry.feed.kind === 'value' ? 'detail' : 'table');
  const [helpReturn, setHelpReturn] = useState<Mode>('table');
  const [relatedReturn, setRelatedReturn] = useState<Mode>('detail');
  const [pickCursor, setPickCursor] = useState(0);
  const [codeTab, setCodeTab] = useState(0);
  const [detailRow, setDetailRow] = useState<number | undefined>(undefined);
  const [message, say] = useState<string | undefined>(undefined);
  // The page `n` asked for before it was loaded, and the pager version at that moment.
  const [pendingPage, setPendingPage] = useState<{ page: number; version: number } | undefined>(undefined);
  const input = useTextInput();
  const exporter = useExport(exportDir);
  const singleValue = pager.single !== undefined;
  const shownMode: Mode = singleValue && mode === 'table' ? 'detail' : mode;
  const detailValue = pager.single
    ? pager.single.value
    : detailRow === undefined
      ? undefined
      : pager.rows[detailRow];
  const detail = useDetail(detailValue, bodyHeight + 1);
  const tick = useTick(active && pager.loading !== false);

  // The call behind the rows: the one the browser made, else the Page's own.
  const pagerCall = useMemo<Call | undefined>(
    () => (pager.operation ? { operation: pager.operation, args: pager.args ?? {} } : undefined),
    [pager.operation, pager.args],
  );
  const listCall = entry.call ?? pagerCall;
  // In the table, the row under the cursor: `g` there opens its related list at once.
  const relationItem =
    detailValue ?? (api && shownMode === 'table' ? pager.rows[view[selection.cursor] ?? -1] : undefined);
  const relations = useRelations(spec, true, relationItem, listCall ?? {});
  const related = useMemo(() => (api ? relatedItems(relations) : []), [api, relations]);
  const baseMode = shownMode === 'help' || shownMode === 'code' ? helpReturn : shownMode;
  const inDetail = baseMode === 'detail' || baseMode === 'related';
  const codeCall = inDetail && !singleValue ? (relations?.self ?? listCall) : listCall;
  const code = useMemo(
    () =>
      shownMode === 'code' && codeCall
        ? callAsCode(codeCall.operation, codeCall.args, props.baseUrl)
        : undefined,
    [shownMode, codeCall, props.baseUrl],
  );

  const own =
    depth > 0 && singleValue
      ? (itemLabel(pager.single?.value) ?? entry.crumb ?? 'item')
      : (entry.crumb ?? pager.operation?.name ?? 'browse');
  const rowCrumb =
    inDetail && !singleValue && detailValue !== undefined ? [itemLabel(detailValue) ?? 'item'] : [];
  const crumbs = [...entry.trail, own, ...rowCrumb];

  // n on the last loaded page: move there once the page has arrived, or give up on failure.
  // Given up only once a load has ended since the request (a render before the load's own
  // state arrives must not drop it: that lost `n` pressed while a page was on its way).
  useEffect(() => {
    if (pendingPage === undefined) return;
    if (pager.pageStarts.length > pendingPage.page) {
      const position = firstPositionOfPage(
        view,
        pager.pageStarts,
        pendingPage.page,
        sort.order !== undefined,
      );
      if (position >= 0) selection.moveTo(position);
      setPendingPage(undefined);
    } else if (!pager.loading && (pager.version !== pendingPage.version || pager.error !== undefined)) {
      setPendingPage(undefined);
    }
  }, [pendingPage, pager.pageStarts, pager.loading, pager.version, pager.error, view, sort.order, selection]);

  const follow = (call: Call, crumb: string) => {
    if (!api) return;
    props.open({ feed: callFeed(api, call), trail: crumbs, crumb, call });
  };

  const model: BrowserModel = {
    mode: shownMode,
    setMode,
    helpReturn,
    setHelpReturn,
    relatedReturn,
    setRelatedReturn,
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
    jumpToPage: (page: number) => setPendingPage({ page, version: pager.version }),
    say,
    copy(text, what) {
      write(osc52(text));
      say(what ?? `copied ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`);
    },
    leave() {
      pager.stop();
      props.onExit(
        browserResult(pager.rows, selection.marks, shownMode === 'detail' ? detailValue : undefined),
      );
    },
    singleValue,
    related,
    references: api ? (relations?.references ?? []) : [],
    follow,
    back: props.back,
    code,
    codeTab,
    setCodeTab: (tab) => setCodeTab(((tab % CODE_TABS.length) + CODE_TABS.length) % CODE_TABS.length),
    filterOnServer() {
      if (!api) return say('filtering on the server needs the api: browse(x, { api })');
      if (!listCall?.operation.list)
        return say('these rows did not come from a list call; nothing to filter on the server');
      const outcome = serverFilter(listCall, filter.query, sort.order?.key);
      if ('message' in outcome) return say(outcome.message);
      follow(outcome.call, `${outcome.key}~"${outcome.value}"`);
    },
  };
  useBrowserKeys(model, active);

  if (!active) return null;
  const cursorRow = view[selection.cursor];
  const page =
    pager.pageStarts.length === 0
      ? undefined
      : pager.pageNumbers[cursorRow === undefined ? 0 : pageIndexOf(pager.pageStarts, cursorRow)];
  const links = new Map(model.references.map((ref) => [ref.field, ref.call.operation.name]));

  return (
    <Box flexDirection="column" width={size.columns}>
      <Header
        title={crumbs.join(' › ')}
        page={page}
        pagesLoaded={pager.pageStarts.length}
        rowsLoaded={pager.rows.length}
        hasMore={pager.hasMore}
        view={shownMode === 'table' ? undefined : shownMode}
        single={singleValue}
      />
      <ScreenBody
        model={model}
        height={bodyHeight}
        width={size.columns}
        links={links}
        onTableRows={onTableRows}
      />
      <StatusLine
        activity={activityOf(model, message, tick, size.columns)}
        info={infoOf(model, entry.call)}
        error={pager.loading ? undefined : pager.error}
      />
    </Box>
  );
}

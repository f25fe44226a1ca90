import { Box } from 'ink';
import { Header } from './components/Header.js';
import { ScreenBody } from './components/ScreenBody.js';
import { StatusLine } from './components/StatusLine.js';
import { useTick } from './hooks/use-tick.js';
import { bodyOf } from './screen-body.js';
import { activityOf, infoOf } from './screen-status.js';
import { crumbsOf } from './state/navigate.js';
import { bodyHeight, cursorPage, topView } from './state/select.js';
import type { BrowserState } from './state/types.js';

export interface ScreenProps {
  readonly state: BrowserState;
}

/** The view on screen, drawn from the state: header, body, two status lines. */
export function Screen({ state }: ScreenProps) {
  const view = topView(state);
  const tick = useTick(view.loading !== undefined);
  const height = bodyHeight(state);
  const crumbs = crumbsOf(state, view);
  const page = view.pages.length === 0 ? undefined : view.pages[cursorPage(view)]?.number;
  const shown = view.mode === 'confirm' ? (view.question?.back ?? 'table') : view.mode;
  const label = shown === 'table' && view.single ? 'detail' : shown;
  const retry =
    view.next !== undefined || (view.pages.length === 0 && !view.single && view.call !== undefined);
  return (
    <Box flexDirection="column" width={state.columns}>
      <Header
        title={crumbs.join(' › ')}
        page={page}
        pagesLoaded={view.pages.length}
        rowsLoaded={view.rows.length}
        hasMore={view.next !== undefined}
        view={label === 'table' ? undefined : label}
        single={view.single !== undefined}
      />
      <ScreenBody body={bodyOf(state, view)} height={height} width={state.columns} />
      <StatusLine
        activity={activityOf(view, tick, state.columns)}
        info={infoOf(state, view)}
        error={view.loading ? undefined : view.error}
        retry={retry}
      />
    </Box>
  );
}

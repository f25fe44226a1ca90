import { useRef } from 'react';
import { API_META, type Api } from '../api/create-api.js';
import type { ApiSpec } from '../spec/index.js';
import type { Feed } from './feed.js';
import { useRawModeHold } from './hooks/use-raw-mode-hold.js';
import { useViewStack } from './hooks/use-view-stack.js';
import { Screen } from './Screen.js';

export interface BrowserProps {
  readonly feed: Feed;
  readonly spec?: ApiSpec | undefined;
  /**
   * The api the rows came from: drill-down (`g`, Enter on a reference) and the server-side
   * filter (`S`) call through it, and copied code names its base URL. Without it both are
   * hidden and code says `$CML_HOST`.
   */
  readonly api?: Api | undefined;
  readonly title?: string | undefined;
  readonly exportDir?: string | undefined;
  /** Called once, when the user leaves, with what they picked. */
  readonly onExit: (value: unknown) => void;
  /** Told how many rows each table render was given (benchmarks and tests). */
  readonly onTableRows?: ((count: number) => void) | undefined;
}

/**
 * The browser: a stack of views, drill-down pushing and Esc popping. Every view stays
 * mounted (state and all) while covered, so going back finds its cursor where it was;
 * only the top one draws and takes keys.
 */
export function Browser({ feed, spec, api, title, exportDir, onExit, onTableRows }: BrowserProps) {
  const stack = useViewStack({ feed, trail: [], crumb: title, call: undefined });
  const left = useRef(false);
  useRawModeHold();
  const leave = (value: unknown) => {
    if (left.current) return;
    left.current = true;
    onExit(value);
  };
  const meta = api?.[API_META];
  const top = stack.views.length - 1;
  return (
    <>
      {stack.views.map((entry, i) => (
        <Screen
          key={entry.id}
          entry={entry}
          active={i === top}
          depth={i}
          spec={spec ?? meta?.spec}
          api={api}
          baseUrl={meta?.baseUrl ?? '$CML_HOST'}
          exportDir={exportDir}
          onTableRows={onTableRows}
          open={stack.push}
          back={stack.pop}
          onExit={leave}
        />
      ))}
    </>
  );
}

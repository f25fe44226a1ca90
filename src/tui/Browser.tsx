import { Component, type ReactNode } from 'react';
import { API_META, type Api } from '../api/create-api.js';
import type { ApiSpec } from '../spec/index.js';
import type { Feed } from './feed.js';
import { useBrowser } from './hooks/use-browser.js';
import { Screen } from './Screen.js';

export interface BrowserProps {
  readonly feed: Feed;
  readonly spec?: ApiSpec | undefined;
  /**
   * The api the rows came from: drill-down (`g`, Enter on a reference), the server-side
   * filter (`S`), refresh and actions call through it, and copied code names its base URL.
   * Without it they are hidden and code says `$CML_HOST`.
   */
  readonly api?: Api | undefined;
  readonly title?: string | undefined;
  readonly exportDir?: string | undefined;
  /** Called once, when the user leaves, with what they picked. */
  readonly onExit: (value: unknown) => void;
  /** Called once if the browser fails (a bug, a value that throws when read). */
  readonly onCrash: (error: unknown) => void;
}

/** Catches a throw while drawing, so it ends the browser with an error rather than the process. */
class CrashGuard extends Component<
  { onCrash: (error: unknown) => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onCrash(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function Session(props: BrowserProps) {
  const meta = props.api?.[API_META];
  const state = useBrowser({
    feed: props.feed,
    env: {
      spec: props.spec ?? meta?.spec,
      hasApi: props.api !== undefined,
      baseUrl: meta?.baseUrl ?? '$CML_HOST',
      title: props.title,
    },
    api: props.api,
    exportDir: props.exportDir,
    onExit: props.onExit,
    onCrash: props.onCrash,
  });
  return <Screen state={state} />;
}

/**
 * The browser: one state (a stack of views, drill-down pushing and Esc popping) stepped by
 * one reducer; only the top view draws and takes keys, the ones below keep theirs for Esc.
 */
export function Browser(props: BrowserProps) {
  return (
    <CrashGuard onCrash={props.onCrash}>
      <Session {...props} />
    </CrashGuard>
  );
}

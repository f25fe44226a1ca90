import type { Call } from '../api/relations.js';
import type { Feed } from './feed.js';

/** One view on the browser's stack: what it shows, how it was reached, and the way back. */
export interface ViewEntry {
  /** Unique per browser: the React key, so a reopened view starts fresh. */
  readonly id: number;
  readonly feed: Feed;
  /** The breadcrumbs of the views below, as they stood when this one was opened. */
  readonly trail: readonly string[];
  /** This view's own crumb (`jobs`, `name~"churn"`); undefined: the title or operation name. */
  readonly crumb: string | undefined;
  /** The call behind the view when the browser made it (drill-down, server-side filter). */
  readonly call: Call | undefined;
}

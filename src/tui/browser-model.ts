import type { CallAsCode } from '../api/call-as-code.js';
import type { Call, Reference } from '../api/relations.js';
import type { ColumnsState } from './hooks/use-columns.js';
import type { DetailState } from './hooks/use-detail.js';
import type { ExportState } from './hooks/use-export.js';
import type { FilterState } from './hooks/use-filter.js';
import type { PagerActions, PagerState } from './hooks/use-pager.js';
import type { SelectionState } from './hooks/use-selection.js';
import type { SortState } from './hooks/use-sort.js';
import type { TextInputState } from './hooks/use-text-input.js';
import type { RelatedItem } from './related-items.js';

/** What the screen shows; overlays and prompts are modes of their own. */
export type Mode =
  | 'table'
  | 'detail'
  | 'help'
  | 'columns'
  | 'sort'
  | 'filter'
  | 'export'
  | 'related'
  | 'code';

/** Everything the key handler reads and drives: the container's state and its actions. */
export interface BrowserModel {
  readonly mode: Mode;
  setMode(mode: Mode): void;
  /** The mode `?` or `x` was pressed in, to go back to. */
  readonly helpReturn: Mode;
  setHelpReturn(mode: Mode): void;
  /** Where the related list was opened from (the table's `g`, or the detail view). */
  readonly relatedReturn: Mode;
  setRelatedReturn(mode: Mode): void;
  readonly pager: PagerState & PagerActions;
  readonly filter: FilterState;
  readonly sort: SortState;
  readonly columns: ColumnsState;
  readonly selection: SelectionState;
  readonly detail: DetailState;
  readonly input: TextInputState;
  readonly exporter: ExportState;
  /** The displayed rows, as indices into `pager.rows`. */
  readonly view: readonly number[];
  /** Rows per screen in the table, for PgUp/PgDn. */
  readonly pageHeight: number;
  /** Cursor of the column and sort pick lists. */
  readonly pickCursor: number;
  setPickCursor(position: number): void;
  /** Opens the detail view on a row of `pager.rows`. */
  openDetail(rowIndex: number): void;
  /** Loaded page to put the cursor on once it has arrived (n on the last loaded page). */
  jumpToPage(page: number): void;
  /** Status line text (copied, wrote, ...), cleared by the next key. */
  say(message: string | undefined): void;
  /** Puts text on the clipboard and says so (`what`, else the text itself). */
  copy(text: string, what?: string): void;
  /** Leaves the browser with what the user picked. */
  leave(): void;
  /** True when the source was a single value: there is no table to go back to. */
  readonly singleValue: boolean;
  /** Where the item in the detail view leads (`g`); empty without an api. */
  readonly related: readonly RelatedItem[];
  /** The item's fields that open another resource on Enter; empty without an api. */
  readonly references: readonly Reference[];
  /** Opens a call as a new view on top, leaving `crumb` in the breadcrumbs. */
  follow(call: Call, crumb: string): void;
  /** Closes this view for the one below; false when there is none. */
  back(): boolean;
  /** The call behind the view as code, while the `x` overlay is open. */
  readonly code: CallAsCode | undefined;
  /** The language the overlay shows (index into CODE_TABS). */
  readonly codeTab: number;
  setCodeTab(tab: number): void;
  /** `S`: reloads from page 1 with the typed filter as the operation's search_filter. */
  filterOnServer(): void;
}

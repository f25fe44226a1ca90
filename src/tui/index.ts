/**
 * tui/: the ink result browser. `browse(source)` shows pages of a list call as a table
 * (lazy paging, filter, sort, columns, export, refresh, actions) and any item as a foldable
 * JSON tree. Its state is stepped by one pure reducer (state/): `browserReducer(state,
 * event) -> { state, commands }`; one hook (hooks/use-browser.ts) runs the commands and
 * feeds their outcomes back as events; components only draw.
 */

export { Browser, type BrowserProps } from './Browser.js';
export { type BrowseOptions, browse } from './browse.js';
export {
  candidateColumns,
  defaultColumns,
  type FittedColumn,
  fitColumns,
  fitText,
  measureColumns,
} from './columns.js';
export { csvField, toCsv } from './csv.js';
export { type ExportFormat, formatFromPath, serialise } from './export-format.js';
export { type Chunk, type Feed, openFeed, toFeed } from './feed.js';
export { formatJsonPath, type PathSegment } from './json-path.js';
export { flattenTree, type TreeLine } from './json-tree.js';
export { osc52 } from './osc52.js';
export { browserReducer, initialState } from './state/reducer.js';
export type { BrowserEvent, BrowserState, Command, Step, ViewState } from './state/types.js';
export { clampCursor, computeViewport, type Viewport } from './viewport.js';

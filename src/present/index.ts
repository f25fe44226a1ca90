export { cellText, getPath } from './cell-text.js';
export {
  type ColourName,
  colourEnabled,
  OUTCOME_COLOUR,
  type Outcome,
  outcomeOf,
  type Palette,
  palette,
} from './colour.js';
export {
  type ColumnKind,
  candidateColumns,
  columnKind,
  columnRank,
  columnTitle,
  defaultsAmong,
  type ItemSchema,
  itemSchemaOf,
  type ListColumns,
  listColumns,
} from './columns.js';
export { csvField, csvLine, toCsv } from './csv.js';
export { cutToWidth, displayWidth, fitToWidth } from './display-width.js';
export { plainData, toJson } from './json.js';
export {
  columnText,
  fitCell,
  hiddenNote,
  type LaidColumn,
  type LayoutOptions,
  layoutColumns,
  MAX_COLUMN_WIDTH,
  naturalWidths,
  type TableLayout,
} from './layout.js';
export { isTimestamp, relativeTime } from './relative-time.js';
export { isSafe, safeInspected, safeJson, safeLine, safeText } from './sanitize.js';
export { headerLine, layoutFor, rowLine, type TextTableOptions, textTable } from './text-table.js';

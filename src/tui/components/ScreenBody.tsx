import type { CallAsCode } from '../../api/call-as-code.js';
import type { FittedColumn } from '../columns.js';
import type { TreeLine } from '../json-tree.js';
import type { SortOrder } from '../state/types.js';
import type { Viewport } from '../viewport.js';
import { CodeOverlay } from './CodeOverlay.js';
import { DetailView } from './DetailView.js';
import { HelpOverlay } from './HelpOverlay.js';
import { PickList } from './PickList.js';
import { Table, type TableRow } from './Table.js';

/** What fills the screen between header and status lines, already worked out from the state. */
export type Body =
  | { readonly kind: 'help' }
  | { readonly kind: 'code'; readonly code: CallAsCode | undefined; readonly tab: number }
  | {
      readonly kind: 'detail';
      readonly lines: readonly TreeLine[];
      readonly cursor: number;
      readonly viewport: Viewport;
      readonly links: ReadonlyMap<string, string>;
    }
  | {
      readonly kind: 'pick';
      readonly title: string;
      readonly items: readonly { readonly label: string; readonly checked?: boolean | undefined }[];
      readonly cursor: number;
      readonly hint: string;
    }
  | {
      readonly kind: 'table';
      readonly columns: readonly FittedColumn[];
      readonly rows: readonly TableRow[];
      readonly sort: SortOrder | undefined;
      readonly emptyText: string;
    };

export interface ScreenBodyProps {
  readonly body: Body;
  /** Lines for table rows; overlays get one more (no column header). */
  readonly height: number;
  readonly width: number;
}

/** The body by kind: table, tree, overlay or pick list. */
export function ScreenBody({ body, height, width }: ScreenBodyProps) {
  switch (body.kind) {
    case 'help':
      return <HelpOverlay height={height + 1} />;
    case 'code':
      return <CodeOverlay code={body.code} tab={body.tab} height={height + 1} width={width} />;
    case 'detail':
      return (
        <DetailView
          lines={body.lines}
          cursor={body.cursor}
          viewport={body.viewport}
          height={height + 1}
          links={body.links}
        />
      );
    case 'pick':
      return (
        <PickList
          title={body.title}
          items={body.items}
          cursor={body.cursor}
          height={height + 1}
          hint={body.hint}
        />
      );
    case 'table':
      return (
        <Table
          columns={body.columns}
          rows={body.rows}
          sort={body.sort}
          height={height}
          emptyText={body.emptyText}
        />
      );
  }
}

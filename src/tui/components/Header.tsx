import { Box, Text } from 'ink';
import { safeLine } from '../../present/index.js';
import { count } from '../count.js';

export interface HeaderProps {
  /** The operation name (`listProjects`) or the caller's title. */
  readonly title: string;
  /** Page of the row under the cursor; undefined before the first page. */
  readonly page: number | undefined;
  readonly pagesLoaded: number;
  readonly rowsLoaded: number;
  readonly hasMore: boolean;
  /** What the screen shows, when not the table ("detail", "help"). */
  readonly view?: string | undefined;
  /** One item rather than pages of rows: no paging facts to show. */
  readonly single?: boolean | undefined;
}

/** The top line: what is browsed, where the cursor is, how much is loaded and whether more exists. */
export function Header({ title, page, pagesLoaded, rowsLoaded, hasMore, view, single }: HeaderProps) {
  const where = page === undefined ? 'no pages yet' : `page ${page} of ${pagesLoaded}${hasMore ? '+' : ''}`;
  return (
    <Box>
      <Text bold color="cyan" wrap="truncate">
        {safeLine(title)}
        {view ? <Text color="white"> › {view}</Text> : null}
        {single ? null : (
          <Text color="gray">
            {' · '}
            {where} · {count(rowsLoaded, 'row')} loaded · {hasMore ? 'more on the server' : 'all loaded'}
          </Text>
        )}
      </Text>
    </Box>
  );
}

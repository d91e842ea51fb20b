import { Table, VisuallyHidden } from '@mantine/core';
import type { Key, ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** Text used as the label of the cell when the row becomes a card on a phone. */
  label?: string;
  render: (row: T) => ReactNode;
  numeric?: boolean;
  /** The cell that names the row (bold in card view). */
  primary?: boolean;
}

/**
 * A readable table: a caption for assistive technology, horizontal scrolling in a focusable
 * region on mid-size screens, and one card per row on phones.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  footer,
  cards = true,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => Key;
  footer?: ReactNode;
  cards?: boolean;
}) {
  const { t } = useT();
  return (
    <div className={`table-scroll${cards ? ' cards' : ''}`} role="region" aria-label={t('a11y.scrollTable', { name: caption })} tabIndex={0}>
      <Table className="data-table" striped highlightOnHover verticalSpacing="xs" horizontalSpacing="sm">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c) => (
                <Table.Td
                  key={c.key}
                  className={[c.numeric ? 'num' : '', c.primary ? 'primary' : ''].join(' ').trim() || undefined}
                  data-label={c.primary ? undefined : (c.label ?? (typeof c.header === 'string' ? c.header : undefined))}
                >
                  {c.render(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer && <Table.Tfoot>{footer}</Table.Tfoot>}
      </Table>
    </div>
  );
}

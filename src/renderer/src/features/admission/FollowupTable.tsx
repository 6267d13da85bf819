import { ScrollArea, Table } from '@mantine/core';
import { type ReactNode } from 'react';

/** A scrolling follow-up list with these column heads, and an empty head over the row actions when there are actions. */
export function FollowupTable({
  label,
  head,
  actions,
  children,
}: {
  label: string;
  head: string[];
  actions: boolean;
  children: ReactNode;
}) {
  return (
    <ScrollArea type="auto">
      <Table striped verticalSpacing={6} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
            {actions && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

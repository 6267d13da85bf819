import { ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowProblem } from '../../../../shared/contract/applicants';

/** At most this many problem lines are listed; the count says how many more there are. */
export const SHOWN_PROBLEMS = 300;

/** Row problems, one line each: row, person, field, message. */
export function ImportProblemTable({ problems, testId }: { problems: RowProblem[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={220} type="auto">
      <Table verticalSpacing={4} fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('applicants.row')}</Table.Th>
            <Table.Th w={180}>{t('applicants.person')}</Table.Th>
            <Table.Th w={120}>{t('applicants.field')}</Table.Th>
            <Table.Th>{t('applicants.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            <Table.Tr key={i} data-testid={`${testId}-row`}>
              <Table.Td>{p.row}</Table.Td>
              <Table.Td>{[p.name, p.idNumber].filter(Boolean).join(' ')}</Table.Td>
              <Table.Td>{p.field}</Table.Td>
              {/* The code stays reachable for support (hover), never as a column of its own. */}
              <Table.Td title={t('errorSupport.code', { code: p.code })}>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

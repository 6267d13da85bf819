import { ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowProblem } from '../../../../shared/contract/applicants';
import { groupProblems, rowList } from './group-problems';
import { SHOWN_PROBLEMS } from '../../components/ImportProblemTable';

/** Warnings grouped by kind: "119 行：…" once, with the rows it concerns. */
export function WarningGroups({ problems }: { problems: RowProblem[] }) {
  const { t } = useTranslation();
  const groups = groupProblems(problems);
  return (
    <ScrollArea.Autosize mah={220} type="auto">
      <Table verticalSpacing={4} fz="sm" data-testid="import-warnings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('importProblems.field')}</Table.Th>
            <Table.Th>{t('importProblems.message')}</Table.Th>
            <Table.Th w={220}>{t('applicants.rows')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.slice(0, SHOWN_PROBLEMS).map((g, i) => {
            const list = rowList(g.rows);
            return (
              <Table.Tr key={i} data-testid="import-warnings-row">
                <Table.Td>{g.field}</Table.Td>
                <Table.Td>
                  {g.rows.length > 1 ? t('applicants.groupedMessage', { count: g.rows.length, message: g.message }) : g.message}
                </Table.Td>
                <Table.Td>
                  {list.more ? t('applicants.rowListMore', { rows: list.text }) : t('applicants.rowList', { rows: list.text })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

import { ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** At most this many problem lines are listed; the count says how many more there are. */
export const SHOWN_PROBLEMS = 300;

/** One problem of one imported row, as every import reports it (the person only where the file names one). */
export type ProblemLine = {
  row: number | null;
  field: string;
  message: string;
  code?: string;
  name?: string;
  /** Already masked by the core. */
  idNumber?: string;
};

/**
 * Problems by row, in words: the row number the spreadsheet shows, the person (for people files), the column
 * and what to fix. The same table in every import, so a clerk reads one layout.
 */
export function ImportProblemTable({
  problems,
  testId,
  withPerson = false,
}: {
  problems: ProblemLine[];
  testId: string;
  withPerson?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={220} type="auto">
      <Table verticalSpacing={4} fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('importProblems.row')}</Table.Th>
            {withPerson && <Table.Th w={180}>{t('importProblems.person')}</Table.Th>}
            <Table.Th w={withPerson ? 120 : 140}>{t('importProblems.field')}</Table.Th>
            <Table.Th>{t('importProblems.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            <Table.Tr key={i} data-testid={`${testId}-row`}>
              <Table.Td>{p.row ?? '—'}</Table.Td>
              {withPerson && <Table.Td>{[p.name, p.idNumber].filter(Boolean).join(' ')}</Table.Td>}
              <Table.Td>{p.field}</Table.Td>
              {/* The code stays reachable for support (hover), never as a column of its own. */}
              <Table.Td title={p.code ? t('errorSupport.code', { code: p.code }) : undefined}>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

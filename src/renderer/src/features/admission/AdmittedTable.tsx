import { Badge, Button, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AdmittedRow } from '../../../../shared/contract/admission';

/** The people admitted to one specialty, ranked, each with why; editors can record a decline. */
export function AdmittedTable({
  code,
  rows,
  editable,
  onRanking,
  onDecline,
}: {
  code: string;
  /** At least one row: a specialty nobody was admitted to has no table. */
  rows: AdmittedRow[];
  editable: boolean;
  onRanking: () => void;
  onDecline: (row: AdmittedRow) => void;
}) {
  const { t } = useTranslation();
  const name = rows[0]!.specialtyName;
  return (
    <Paper withBorder data-testid={`specialty-${code}`}>
      <Group justify="space-between" p="sm">
        <Title order={4}>{t('admission.specialtyHeader', { code, name, count: rows.length })}</Title>
        <Button size="xs" variant="subtle" leftSection={<IconListDetails size={14} />} onClick={onRanking}>
          {t('admission.table.ranking')}
        </Button>
      </Group>
      <ScrollArea type="auto">
        <Table striped verticalSpacing={6} aria-label={name}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('admission.table.rank')}</Table.Th>
              <Table.Th w={90}>{t('admission.table.name')}</Table.Th>
              <Table.Th w={180}>{t('admission.table.idNumber')}</Table.Th>
              <Table.Th w={90}>{t('admission.table.category')}</Table.Th>
              <Table.Th w={110}>{t('admission.table.round')}</Table.Th>
              <Table.Th w={80}>{t('admission.table.total')}</Table.Th>
              <Table.Th>{t('admission.table.why')}</Table.Th>
              {editable && <Table.Th w={70} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.applicantId} data-testid={`admitted-${a.applicantId}`}>
                <Table.Td>{a.rank}</Table.Td>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td ff="monospace">{a.idNumber}</Table.Td>
                <Table.Td>{a.applicantCategory ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Text size="sm">{t(`admission.rounds.${a.round}`)}</Text>
                    {a.overQuota && (
                      <Badge color="orange" size="xs">
                        {t('admission.table.overQuota')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{a.total}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {a.explanation}
                  </Text>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDecline(a)}>
                      {t('admission.table.decline')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

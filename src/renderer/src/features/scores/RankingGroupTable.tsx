import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamComponent, RankedRow, RankingGroup } from '../../../../shared/contract/scores';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { Pager } from '../../components/Pager';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { RankedLine } from './RankedLine';
import { UnrankedLine } from './UnrankedLine';

export type TieRequest = { groupKey: string; candidates: Array<{ applicantId: string; name: string }> };

/** One line of a group's table: a ranked candidate, or one without a complete result. */
type Line = { kind: 'ranked'; row: RankedRow } | { kind: 'unranked'; row: RankingGroup['unranked'][number] };

/** One specialty's (and category's) ranking, paged, with its ties to decide and its 汇总表 export. */
export function RankingGroupTable({
  group: g,
  components,
  onlyAdmissible,
  pageSize,
  onDecideTie,
}: {
  group: RankingGroup;
  components: ExamComponent[];
  onlyAdmissible: boolean;
  pageSize: number;
  onDecideTie: ((tie: TieRequest) => void) | undefined;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const lines: Line[] = [
    ...g.ranked.filter((r) => !onlyAdmissible || r.admissible).map((row) => ({ kind: 'ranked' as const, row })),
    ...(onlyAdmissible ? [] : g.unranked.map((row) => ({ kind: 'unranked' as const, row }))),
  ];
  const pages = Math.max(1, Math.ceil(lines.length / pageSize));
  const current = Math.min(page, pages);
  const shown = lines.slice((current - 1) * pageSize, current * pageSize);

  async function exportXlsx() {
    const r = await call('scores.summaryXlsx', { specialty: g.specialty });
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
  }

  return (
    <Paper withBorder p="md" data-testid={`ranking-${g.groupKey}`}>
      <Group justify="space-between" mb="sm">
        <Title order={3}>
          {g.specialty} {g.specialtyName}
          {g.category ? `（${g.category}）` : ''}
          {g.priorityCategory && (
            <Text span size="sm" c="dimmed" ml="sm" data-testid="priority-note">
              {t('choices.priority', { category: g.priorityCategory })}
            </Text>
          )}
        </Title>
        <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void exportXlsx()}>
          {t('scores.ranking.exportXlsx')}
        </Button>
      </Group>
      {onDecideTie &&
        g.ties.map((tieGroup) => (
          <Button
            key={tieGroup.rank}
            size="xs"
            variant="light"
            color="orange"
            mb="xs"
            mr="xs"
            onClick={() =>
              onDecideTie({
                groupKey: g.groupKey,
                candidates: tieGroup.applicantIds.map((id) => ({
                  applicantId: id,
                  name: g.ranked.find((r) => r.applicantId === id)?.name ?? id,
                })),
              })
            }
          >
            {t('scores.ranking.decideTie')}（{tieGroup.rank}）
          </Button>
        ))}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('scores.ranking.rank')}</Table.Th>
            <Table.Th>{t('scores.setup.candidate')}</Table.Th>
            <Table.Th>{t('choices.round')}</Table.Th>
            <Table.Th>{t('scores.setup.idNumber')}</Table.Th>
            <Table.Th>{t('scores.ranking.confirmation')}</Table.Th>
            {components.map((c) => (
              <Table.Th key={c.key}>{c.name}</Table.Th>
            ))}
            <Table.Th>{t('scores.setup.total')}</Table.Th>
            <Table.Th>{t('scores.ranking.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((l) =>
            l.kind === 'ranked' ? (
              <RankedLine key={l.row.applicantId} r={l.row} components={components} />
            ) : (
              <UnrankedLine key={l.row.applicantId} u={l.row} span={components.length + 1} />
            ),
          )}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Stack mt="sm">
          <Pager total={lines.length} page={current} pageSize={pageSize} onPage={setPage} testId={`pager-${g.groupKey}`} />
        </Stack>
      )}
    </Paper>
  );
}

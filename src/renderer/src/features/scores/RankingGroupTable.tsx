import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExamComponent, RankingPageGroup } from '../../../../shared/contract/scores';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { Pager } from '../../components/Pager';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { RankedLine } from './RankedLine';
import { UnrankedLine } from './UnrankedLine';

export type TieRequest = { groupKey: string; candidates: Array<{ applicantId: string; name: string }> };

/** One specialty's (and category's) ranking: the page the core sent, its ties to decide and its 汇总表 export. */
export function RankingGroupTable({
  group: g,
  lineLimit,
  components,
  onPage,
  onDecideTie,
}: {
  group: RankingPageGroup;
  /** How many of the page's lines to render now (the first frame renders fewer). */
  lineLimit: number;
  components: ExamComponent[];
  onPage: (page: number) => void;
  onDecideTie: ((tie: TieRequest) => void) | undefined;
}) {
  const { t } = useTranslation();

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
            onClick={() => onDecideTie({ groupKey: g.groupKey, candidates: tieGroup.candidates })}
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
          {g.lines
            .slice(0, lineLimit)
            .map((l) =>
              l.kind === 'ranked' ? (
                <RankedLine key={l.row.applicantId} r={l.row} components={components} />
              ) : (
                <UnrankedLine key={l.row.applicantId} u={l.row} span={components.length + 1} />
              ),
            )}
        </Table.Tbody>
      </Table>
      {g.total > g.pageSize && (
        <Stack mt="sm">
          <Pager total={g.total} page={g.page} pageSize={g.pageSize} onPage={onPage} testId={`pager-${g.groupKey}`} />
        </Stack>
      )}
    </Paper>
  );
}

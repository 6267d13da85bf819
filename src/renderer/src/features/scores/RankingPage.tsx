import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/call';
import { notifyError } from '../../app/notify';
import { useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../app/session';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { formatHundredths } from './score-input';
import { TieDialog } from './TieDialog';

/** Ranking per specialty (and category when quotas are split), with ties shown as ties. */
export function RankingPage() {
  const { t } = useTranslation();
  const [specialty, setSpecialty] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const role = useSession((s) => s.user?.role);
  const canReorder = role ? can(role, 'ranking.reorder') : false;
  const [tie, setTie] = useState<{ groupKey: string; candidates: Array<{ applicantId: string; name: string }> } | null>(null);
  const all = useQuery('ranking.show', {});
  const comps = useQuery('scores.components', {});
  const groups = (all.data?.groups ?? []).filter(
    (g) => (!specialty || g.specialty === specialty) && (!category || g.category === category),
  );
  const specialties = [...new Map((all.data?.groups ?? []).map((g) => [g.specialty, g.specialtyName])).entries()];
  const categories = [...new Set((all.data?.groups ?? []).map((g) => g.category).filter((c): c is string => c !== null))];
  const components = comps.data?.components ?? [];

  async function exportXlsx(code: string) {
    const r = await call('scores.summaryXlsx', { specialty: code });
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
  }

  return (
    <Stack>
      <Title order={2}>{t('scores.ranking.title')}</Title>
      <Group>
        <Select
          label={t('scores.ranking.specialty')}
          data={[
            { value: '', label: t('scores.ranking.all') },
            ...specialties.map(([code, name]) => ({ value: code, label: `${code} ${name}` })),
          ]}
          value={specialty ?? ''}
          onChange={(v) => setSpecialty(v || null)}
          w={260}
        />
        {categories.length > 0 && (
          <Select
            label={t('scores.ranking.category')}
            data={[{ value: '', label: t('scores.ranking.all') }, ...categories]}
            value={category ?? ''}
            onChange={(v) => setCategory(v || null)}
            w={200}
          />
        )}
        {all.data && (
          <Text size="sm" c="dimmed" mt="lg">
            {t('scores.ranking.tieBreaks', {
              list: all.data.tieBreaks.map((k) => components.find((c) => c.key === k)?.name ?? k).join(' → '),
            })}
          </Text>
        )}
      </Group>
      {all.error && <ErrorState error={all.error} onRetry={all.refresh} />}
      {!all.data && !all.error && <LoadingState />}
      {all.data && groups.length === 0 && <EmptyState title={t('scores.ranking.empty')} />}
      {groups.map((g) => (
        <Paper key={g.groupKey} withBorder p="md" data-testid={`ranking-${g.groupKey}`}>
          <Group justify="space-between" mb="sm">
            <Title order={3}>
              {g.specialty} {g.specialtyName}
              {g.category ? `（${g.category}）` : ''}
            </Title>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileSpreadsheet size={14} />}
              onClick={() => void exportXlsx(g.specialty)}
            >
              {t('scores.ranking.exportXlsx')}
            </Button>
          </Group>
          {canReorder &&
            g.ties.map((tieGroup) => (
              <Button
                key={tieGroup.rank}
                size="xs"
                variant="light"
                color="orange"
                mb="xs"
                mr="xs"
                onClick={() =>
                  setTie({
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
                <Table.Th>{t('scores.setup.idNumber')}</Table.Th>
                {components.map((c) => (
                  <Table.Th key={c.key}>{c.name}</Table.Th>
                ))}
                <Table.Th>{t('scores.setup.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.ranked.map((r) => (
                <Table.Tr key={r.applicantId} data-testid="ranking-row">
                  <Table.Td>
                    {r.rank}
                    {r.tied && (
                      <Badge ml="xs" color="orange" variant="light">
                        {t('scores.ranking.tied')}
                      </Badge>
                    )}
                    {r.manualReason && (
                      <Text size="xs" c="dimmed">
                        {t('scores.ranking.manual', { reason: r.manualReason })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.idMasked}</Table.Td>
                  {components.map((c) => {
                    const v = r.components[c.key];
                    return (
                      <Table.Td key={c.key}>
                        {v === 'absent' ? t('scores.setup.absent') : v === null || v === undefined ? '—' : formatHundredths(v)}
                      </Table.Td>
                    );
                  })}
                  <Table.Td fw={700}>{r.totalDisplay}</Table.Td>
                </Table.Tr>
              ))}
              {g.unranked.map((u) => (
                <Table.Tr key={u.applicantId} data-testid="unranked-row">
                  <Table.Td c="dimmed">{t('scores.ranking.unranked')}</Table.Td>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{u.idMasked}</Table.Td>
                  <Table.Td colSpan={components.length + 1} c="dimmed">
                    {t(`scores.setup.status.${u.status}`)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      {tie && <TieDialog groupKey={tie.groupKey} candidates={tie.candidates} onClose={() => setTie(null)} onDone={all.setData} />}
    </Stack>
  );
}

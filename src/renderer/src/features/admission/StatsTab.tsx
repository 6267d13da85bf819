import { Box, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsView } from '../../../../shared/contract/admission';
import { useQuery } from '../../lib/query';
import { ErrorState, LoadingState } from '../../components/states';

const COLUMNS = ['plan', 'applied', 'confirmed', 'examined', 'admitted', 'adjusted', 'reported'] as const;

export function StatsTab() {
  const { t } = useTranslation();
  const stats = useQuery('admission.stats', {});
  if (stats.error) return <ErrorState error={stats.error} onRetry={stats.refresh} />;
  if (!stats.data) return <LoadingState />;
  const s = stats.data;
  return (
    <Stack>
      <Paper withBorder>
        <ScrollArea type="auto">
          <Table striped verticalSpacing={6} aria-label={t('admission.tabs.stats')} data-testid="stats-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admission.stats.specialty')}</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c} ta="right">
                    {t(`admission.stats.${c}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.rows.map((r) => (
                <Table.Tr key={r.specialtyCode ?? 'pool'}>
                  <Table.Td>
                    {r.specialtyCode ?? '—'} {r.specialtyName}
                  </Table.Td>
                  {COLUMNS.map((c) => (
                    <Table.Td key={c} ta="right">
                      {r[c]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('admission.stats.total')}</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c} ta="right">
                    {s.total[c]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollArea>
      </Paper>
      <Paper withBorder p="md">
        <Title order={5} mb="sm">
          {t('admission.stats.chart')}
        </Title>
        <BarChart stats={s} />
        <Group gap="lg" mt="xs">
          <Legend swatch={{ border: '1px solid var(--mantine-color-gray-5)' }} label={t('admission.stats.plan')} />
          <Legend swatch={{ background: 'var(--mantine-color-blue-4)' }} label={t('admission.stats.admitted')} />
          <Legend swatch={{ background: 'var(--mantine-color-blue-8)' }} label={t('admission.stats.reported')} />
        </Group>
      </Paper>
    </Stack>
  );
}

/** Plain SVG: one bar per specialty, plan as the outline, admitted filled, reported darker. */
function BarChart({ stats }: { stats: StatsView }) {
  const { t } = useTranslation();
  const rows = stats.rows.filter((r) => r.specialtyCode !== null && r.plan + r.admitted > 0);
  const max = Math.max(1, ...rows.map((r) => Math.max(r.plan, r.admitted)));
  const rowH = 26;
  const labelW = 160;
  const barW = 520;
  const height = rows.length * rowH + 10;
  return (
    <svg width={labelW + barW + 90} height={height} role="img" aria-label={t('admission.stats.chart')} data-testid="stats-chart">
      {rows.map((r, i) => {
        const y = i * rowH + 5;
        const w = (n: number) => (n / max) * barW;
        return (
          <g key={r.specialtyCode}>
            <text x={labelW - 8} y={y + 15} textAnchor="end" fontSize="12" fill="currentColor">
              {r.specialtyName}
            </text>
            <rect x={labelW} y={y + 3} width={w(r.plan)} height={16} fill="none" stroke="var(--mantine-color-gray-5)" />
            <rect x={labelW} y={y + 3} width={w(r.admitted)} height={16} fill="var(--mantine-color-blue-4)" />
            <rect x={labelW} y={y + 3} width={w(r.reported)} height={16} fill="var(--mantine-color-blue-8)" />
            <text x={labelW + Math.max(w(r.plan), w(r.admitted)) + 6} y={y + 15} fontSize="12" fill="currentColor">
              {r.admitted}/{r.plan}
            </text>
          </g>
        );
      })}
      {rows.length === 0 && (
        <text x={10} y={20} fontSize="12" fill="currentColor">
          —
        </text>
      )}
    </svg>
  );
}

function Legend({ swatch, label }: { swatch: CSSProperties; label: string }) {
  return (
    <Group gap={6}>
      <Box w={14} h={10} style={swatch} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

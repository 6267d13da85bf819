import { Group, Paper, ScrollArea, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DepartmentView } from '../../../../shared/contract/rotation';
import { ErrorState, LoadingState } from '../../components/states';
import { formatMonth } from '../../lib/format';
import { useQuery } from '../../lib/query';

const CELL = 30;

/** Load on a scale of the department's capacity: pale when empty, dark at capacity, red with ! above it. */
function shade(peak: number, capacity: number): { background: string; color: string } {
  if (peak > capacity) return { background: 'var(--mantine-color-red-6)', color: 'white' };
  if (peak === 0) return { background: 'transparent', color: 'var(--mantine-color-dimmed)' };
  const step = Math.min(8, 1 + Math.round((peak / Math.max(1, capacity)) * 6));
  return { background: `var(--mantine-color-teal-${step})`, color: step >= 5 ? 'white' : 'black' };
}

/** Department × month: the most trainees in the department at once that month, against its capacity. */
export function LoadHeatmap({ from, to, departments }: { from: string; to: string; departments: DepartmentView[] }) {
  const { t } = useTranslation();
  const load = useQuery('rotation.load', { from, to });
  if (load.error) return <ErrorState error={load.error} onRetry={load.refresh} />;
  if (!load.data) return <LoadingState />;
  const months = load.data.months.map((month) => ({ month }));
  const cell = new Map<string, { peak: number; capacity: number }>();
  for (const d of load.data.departments)
    d.peaks.forEach((peak, i) => cell.set(`${d.departmentId}|${months[i]!.month}`, { peak, capacity: d.capacity }));
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('rotation.plan.heatmap')}</Title>
        <Group gap={6}>
          <span style={{ width: 14, height: 10, background: 'var(--mantine-color-red-6)', display: 'inline-block' }} />
          <Text size="xs">{t('rotation.plan.over')}</Text>
        </Group>
      </Group>
      <ScrollArea type="auto">
        <table style={{ borderCollapse: 'collapse', fontSize: 11 }} aria-label={t('rotation.plan.heatmap')} data-testid="heatmap">
          <thead>
            <tr>
              <th />
              {yearSpans(months.map((m) => m.month)).map((y) => (
                <th
                  key={y.year}
                  colSpan={y.span}
                  style={{ fontWeight: 400, borderLeft: '1px solid var(--mantine-color-default-border)' }}
                >
                  {y.year}年
                </th>
              ))}
            </tr>
            <tr>
              <th style={{ textAlign: 'left', minWidth: 150 }}>{t('rotation.plan.department')}</th>
              {months.map((m) => (
                <th key={m.month} style={{ width: CELL, fontWeight: 400 }} title={formatMonth(m.month)}>
                  {Number(m.month.slice(5))}月
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id}>
                <th style={{ textAlign: 'left', fontWeight: 400, whiteSpace: 'nowrap', paddingRight: 8 }}>
                  {d.name}（{d.capacity}）
                </th>
                {months.map((m) => {
                  const c = cell.get(`${d.id}|${m.month}`) ?? { peak: 0, capacity: d.capacity };
                  const over = c.peak > c.capacity;
                  return (
                    <td
                      key={m.month}
                      data-testid={`heat-${d.id}-${m.month}`}
                      data-peak={c.peak}
                      data-over={over}
                      title={t('rotation.plan.heatCell', {
                        department: d.name,
                        month: formatMonth(m.month),
                        peak: c.peak,
                        capacity: c.capacity,
                      })}
                      style={{
                        ...shade(c.peak, c.capacity),
                        width: CELL,
                        height: 20,
                        textAlign: 'center',
                        border: '1px solid var(--mantine-color-default-border)',
                        fontWeight: over ? 700 : 400,
                      }}
                    >
                      {c.peak > 0 ? `${c.peak}${over ? '!' : ''}` : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Paper>
  );
}

function yearSpans(months: string[]): Array<{ year: string; span: number }> {
  const out: Array<{ year: string; span: number }> = [];
  for (const m of months) {
    const year = m.slice(0, 4);
    const last = out.at(-1);
    if (last && last.year === year) last.span++;
    else out.push({ year, span: 1 });
  }
  return out;
}

import { Badge, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanPreview } from '../../../../shared/contract/plan';

type Line = {
  row: number | null;
  kind: 'ok' | 'problem' | 'unknown';
  name: string;
  code: string | null;
  category: string | null;
  quota: number | null;
  unallocated: boolean;
  message: string | null;
};

/** Every source row the file contributed, in file order, with problem and unknown rows highlighted. */
function linesOf(preview: PlanPreview, unknownText: (name: string) => string): Line[] {
  const byRow = new Map<number, string[]>();
  const loose: string[] = [];
  for (const p of preview.problems) {
    if (p.row === null) loose.push(p.message);
    else byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.message]);
  }
  const lines: Line[] = preview.rows.map((r) => {
    const messages = byRow.get(r.sourceRow);
    byRow.delete(r.sourceRow);
    return {
      row: r.sourceRow,
      kind: messages ? 'problem' : 'ok',
      name: r.specialtyName,
      code: r.specialtyCode,
      category: r.category,
      quota: r.quota,
      unallocated: r.unallocated,
      message: messages ? messages.join(' ') : null,
    };
  });
  for (const [row, messages] of byRow) {
    lines.push({
      row,
      kind: 'problem',
      name: '',
      code: null,
      category: null,
      quota: null,
      unallocated: false,
      message: messages.join(' '),
    });
  }
  for (const u of preview.unknownSpecialties) {
    for (const row of u.rows) {
      lines.push({
        row,
        kind: 'unknown',
        name: u.name,
        code: null,
        category: null,
        quota: null,
        unallocated: false,
        message: unknownText(u.name),
      });
    }
  }
  for (const message of loose)
    lines.push({ row: null, kind: 'problem', name: '', code: null, category: null, quota: null, unallocated: false, message });
  return lines.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
}

export function ImportPreviewTable({ preview }: { preview: PlanPreview }) {
  const { t } = useTranslation();
  const lines = linesOf(preview, (name) => t('plan.unknownLine', { name }));
  return (
    <Paper withBorder>
      <ScrollArea.Autosize mah={300} type="auto">
        <Table stickyHeader verticalSpacing={4} fz="sm" aria-label={t('plan.previewTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('plan.sourceRow')}</Table.Th>
              <Table.Th w={100}>{t('plan.code')}</Table.Th>
              <Table.Th w={200}>{t('plan.name')}</Table.Th>
              <Table.Th w={100}>{t('plan.category')}</Table.Th>
              <Table.Th w={90} ta="right">
                {t('plan.quota')}
              </Table.Th>
              <Table.Th>{t('plan.rowStatus')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, i) => (
              <Table.Tr
                key={`${l.row ?? 'x'}-${i}`}
                data-kind={l.kind}
                bg={
                  l.kind === 'problem'
                    ? 'var(--mantine-color-red-light)'
                    : l.kind === 'unknown'
                      ? 'var(--mantine-color-yellow-light)'
                      : undefined
                }
              >
                <Table.Td>{l.row ?? '—'}</Table.Td>
                <Table.Td>{l.code ?? '—'}</Table.Td>
                <Table.Td>{l.name || '—'}</Table.Td>
                <Table.Td>{l.category ?? '—'}</Table.Td>
                <Table.Td ta="right">{l.quota ?? '—'}</Table.Td>
                <Table.Td>
                  {l.kind === 'ok' ? (
                    l.unallocated ? (
                      <Badge color="orange" variant="light">
                        {t('plan.pool')}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('plan.rowOk')}
                      </Text>
                    )
                  ) : (
                    <Text size="sm" c={l.kind === 'problem' ? 'red' : 'yellow.8'}>
                      {l.message}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}

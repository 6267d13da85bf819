import { ActionIcon, Badge, Group, NumberInput, Paper, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRow, PlanView } from '../../../../shared/contract/plan';
import { useMutation } from '../../lib/query';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { rowKey, usePlanUi } from './store';

export const MAX_QUOTA = 100000;

export function PlanTable({
  plan,
  editable,
  onChanged,
}: {
  plan: PlanView;
  editable: boolean;
  onChanged: (p: PlanView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder>
      <ScrollArea.Autosize mah="calc(100vh - 200px)" type="auto">
        <Table striped highlightOnHover stickyHeader verticalSpacing="xs" aria-label={t('plan.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('plan.code')}</Table.Th>
              <Table.Th>{t('plan.name')}</Table.Th>
              <Table.Th w={160}>{t('plan.category')}</Table.Th>
              <Table.Th w={240} ta="right">
                {t('plan.quota')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.rows.map((r) => (
              <Table.Tr key={rowKey(r)} data-testid={`plan-row-${r.specialtyCode ?? 'pool'}`}>
                <Table.Td>{r.specialtyCode ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm">{r.specialtyName}</Text>
                    {r.unallocated && (
                      <Tooltip label={t('plan.poolHint')} multiline w={260}>
                        <Badge color="orange" variant="light">
                          {t('plan.pool')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {r.category ?? (
                    <Text c="dimmed" size="sm">
                      {t('plan.noCategory')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <QuotaCell row={r} editable={editable} onChanged={onChanged} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>{t('plan.total')}</Table.Th>
              <Table.Th ta="right" data-testid="plan-total-cell" pr="lg">
                {plan.total}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}

function QuotaCell({ row, editable, onChanged }: { row: PlanRow; editable: boolean; onChanged: (p: PlanView) => void }) {
  const { t } = useTranslation();
  const key = rowKey(row);
  const editing = usePlanUi((s) => s.editingKey === key);
  const edit = usePlanUi((s) => s.edit);
  const [value, setValue] = useState<number | string>(row.quota);
  const [error, setError] = useState<string | null>(null);
  const setQuota = useMutation('plan.setQuota');

  if (!editing) {
    return (
      <Group gap={6} justify="flex-end" wrap="nowrap">
        <Text fw={500} data-testid={`quota-${row.specialtyCode ?? 'pool'}`}>
          {row.quota}
        </Text>
        {editable && (
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('plan.editQuotaOf', { name: row.specialtyName })}
            onClick={() => {
              setValue(row.quota);
              setError(null);
              edit(key);
            }}
          >
            <IconPencil size={14} />
          </ActionIcon>
        )}
      </Group>
    );
  }

  async function save() {
    const n = typeof value === 'number' ? value : Number(value);
    if (value === '' || !Number.isInteger(n) || n < 0) return setError(t('plan.quotaRule'));
    if (n > MAX_QUOTA) return setError(t('plan.quotaTooLarge', { max: MAX_QUOTA }));
    if (n === row.quota) return edit(null);
    const r = await setQuota.run({ specialtyCode: row.specialtyCode, category: row.category, quota: n });
    if (!r.ok) return setError(errorText(r.error));
    edit(null);
    onChanged(r.value);
    notifySuccess(t('plan.quotaSaved', { name: row.specialtyName, quota: n }));
  }

  return (
    <Group gap={4} justify="flex-end" wrap="nowrap" align="flex-start">
      <NumberInput
        size="xs"
        w={120}
        aria-label={t('plan.quotaOf', { name: row.specialtyName })}
        value={value}
        onChange={setValue}
        // The sign and decimals are kept as typed so save() refuses them: stripping them turned "-5" into 5.
        allowNegative
        allowDecimal
        min={0}
        max={MAX_QUOTA}
        clampBehavior="none"
        error={error}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') edit(null);
        }}
        styles={{ error: { textAlign: 'left', whiteSpace: 'normal' } }}
      />
      <ActionIcon
        variant="light"
        color="teal"
        aria-label={t('common.save')}
        loading={setQuota.busy}
        onClick={() => void save()}
        mt={2}
      >
        <IconCheck size={14} />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray" aria-label={t('common.cancel')} onClick={() => edit(null)} mt={2}>
        <IconX size={14} />
      </ActionIcon>
    </Group>
  );
}

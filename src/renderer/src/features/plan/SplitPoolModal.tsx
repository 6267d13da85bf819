import { NumberInput, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import type { PlanRow, PlanView } from '../../../../shared/contract/plan';
import { useMutation } from '../../lib/query';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { useSpecialtyOptions } from './queries';
import { rowKey } from './store';

/** Move seats from the unallocated pool (吉林“其他”) to one of the base's specialties. */
export function SplitPoolModal({
  opened,
  pools,
  onClose,
  onChanged,
}: {
  opened: boolean;
  pools: PlanRow[];
  onClose: () => void;
  onChanged: (p: PlanView) => void;
}) {
  const { t } = useTranslation();
  const { options } = useSpecialtyOptions();
  const [poolKey, setPoolKey] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [seats, setSeats] = useState<number | string>(1);
  const [errors, setErrors] = useState<{ code?: string; seats?: string; form?: string }>({});
  const splitPool = useMutation('plan.splitPool');

  useEffect(() => {
    if (opened) {
      setPoolKey(pools[0] ? rowKey(pools[0]) : null);
      setCode(null);
      setSeats(1);
      setErrors({});
    }
  }, [opened, pools]);

  const pool = pools.find((p) => rowKey(p) === poolKey) ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!pool) return;
    const n = Number(seats);
    const next: typeof errors = {};
    if (!code) next.code = t('plan.chooseSpecialty');
    if (seats === '' || !Number.isInteger(n) || n < 1) next.seats = t('plan.seatsRule');
    else if (n > pool.quota) next.seats = t('plan.seatsTooMany', { available: pool.quota });
    setErrors(next);
    if (Object.keys(next).length || !code) return;
    const r = await splitPool.run({ specialtyCode: code, category: pool.category, seats: n });
    if (!r.ok) return setErrors({ form: errorText(r.error) });
    onChanged(r.value);
    notifySuccess(t('plan.splitDone', { seats: n, name: options.find((o) => o.value === code)?.label ?? code }));
    onClose();
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t('plan.splitPool')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('plan.splitHint')}
          </Text>
          {pools.length > 1 && (
            <Select
              label={t('plan.poolCategory')}
              data={pools.map((p) => ({ value: rowKey(p), label: `${p.category ?? t('plan.noCategory')}（${p.quota}）` }))}
              value={poolKey}
              onChange={setPoolKey}
              allowDeselect={false}
            />
          )}
          {pool && <Text size="sm">{t('plan.poolAvailable', { available: pool.quota })}</Text>}
          <Select
            label={t('plan.targetSpecialty')}
            data={options}
            value={code}
            onChange={setCode}
            searchable
            error={errors.code}
            nothingFoundMessage={t('common.nothingFound')}
          />
          <NumberInput
            label={t('plan.seats')}
            value={seats}
            onChange={setSeats}
            min={1}
            max={pool?.quota}
            allowNegative={false}
            allowDecimal={false}
            clampBehavior="none"
            error={errors.seats}
          />
          <FormFooter error={errors.form} onCancel={onClose} busy={splitPool.busy} submitLabel={t('plan.splitConfirm')} />
        </Stack>
      </form>
    </Dialog>
  );
}

import { NumberInput, Select, Stack } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormFooter } from '../../components/FormFooter';
import type { PlanView } from '../../../../shared/contract/plan';
import { useMutation } from '../../lib/query';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { MAX_QUOTA } from './PlanTable';
import { useBasePreset } from '../base/queries';
import { useSpecialtyOptions } from './queries';

/** A quota for a specialty (and category) not yet in the plan. */
export function AddPlanRowModal({
  opened,
  plan,
  onClose,
  onChanged,
}: {
  opened: boolean;
  plan: PlanView;
  onClose: () => void;
  onChanged: (p: PlanView) => void;
}) {
  const { t } = useTranslation();
  const preset = useBasePreset();
  const { options } = useSpecialtyOptions();
  const [code, setCode] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [quota, setQuota] = useState<number | string>(1);
  const [errors, setErrors] = useState<{ code?: string; category?: string; quota?: string; form?: string }>({});
  const saveQuota = useMutation('plan.setQuota');
  const byCategory = preset?.quotasByCategory ?? false;

  useEffect(() => {
    if (opened) {
      setCode(null);
      setCategory(null);
      setQuota(1);
      setErrors({});
    }
  }, [opened]);

  const taken = new Set(plan.rows.map((r) => `${r.specialtyCode}|${r.category ?? ''}`));
  const available = options.filter((o) => (byCategory ? true : !taken.has(`${o.value}|`)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(quota);
    const next: typeof errors = {};
    if (!code) next.code = t('plan.chooseSpecialty');
    if (byCategory && !category) next.category = t('plan.chooseCategory');
    if (quota === '' || !Number.isInteger(n) || n < 1) next.quota = t('plan.seatsRule');
    else if (n > MAX_QUOTA) next.quota = t('plan.quotaTooLarge', { max: MAX_QUOTA });
    if (code && taken.has(`${code}|${category ?? ''}`)) next.code = t('plan.rowExists');
    setErrors(next);
    if (Object.keys(next).length || !code) return;
    const r = await saveQuota.run({ specialtyCode: code, category: byCategory ? category : null, quota: n });
    if (!r.ok) return setErrors({ form: errorText(r.error) });
    onChanged(r.value);
    notifySuccess(t('plan.rowAdded', { name: options.find((o) => o.value === code)?.label ?? code, quota: n }));
    onClose();
  }

  return (
    <Dialog opened={opened} onClose={onClose} title={t('plan.addRow')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Select
            label={t('plan.targetSpecialty')}
            data={available}
            value={code}
            onChange={setCode}
            searchable
            error={errors.code}
            nothingFoundMessage={t('common.nothingFound')}
          />
          {byCategory && preset && (
            <Select
              label={t('plan.category')}
              data={preset.categories.map((c) => ({ value: c.code, label: c.name }))}
              value={category}
              onChange={setCategory}
              error={errors.category}
            />
          )}
          <NumberInput
            label={t('plan.quota')}
            value={quota}
            onChange={setQuota}
            min={1}
            allowNegative={false}
            allowDecimal={false}
            clampBehavior="none"
            error={errors.quota}
          />
          <FormFooter error={errors.form} onCancel={onClose} busy={saveQuota.busy} />
        </Stack>
      </form>
    </Dialog>
  );
}

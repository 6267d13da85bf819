import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseView } from '../../../../shared/contract/base';
import { can } from '../../../../shared/permissions';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { useMutation, useQuery } from '../../lib/query';
import { ErrorState, LoadingState } from '../../components/states';
import { useBasePreset } from './queries';

type Draft = { name: string; code: string; province: string; cohortYear: number | string };
type Errors = Partial<Record<keyof Draft, string>>;

function draftOf(b: BaseView): Draft {
  return { name: b.name, code: b.code, province: b.province, cohortYear: b.cohortYear };
}

export function BaseForm() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const refreshSession = useSession((s) => s.refresh);
  const base = useQuery('base.get');
  const preset = useBasePreset();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const update = useMutation('base.update');
  const editable = role ? can(role, 'base.edit') : false;

  useEffect(() => {
    if (base.data) setDraft(draftOf(base.data));
  }, [base.data]);

  if (base.error && !base.data) return <ErrorState error={base.error} onRetry={base.refresh} />;
  if (!base.data || !draft) return <LoadingState />;
  const current = base.data;
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(current));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    const next: Errors = {};
    if (draft.name.trim().length < 2) next.name = t('setup.baseNameRule');
    if (!draft.code.trim()) next.code = t('setup.baseCodeRule');
    if (!draft.province.trim()) next.province = t('base.provinceRule');
    const y = Number(draft.cohortYear);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) next.cohortYear = t('setup.cohortYearRule');
    setErrors(next);
    if (Object.keys(next).length) return;
    setServerError(null);
    const r = await update.run({
      name: draft.name.trim(),
      code: draft.code.trim(),
      province: draft.province.trim(),
      cohortYear: y,
    });
    if (!r.ok) return setServerError(errorText(r.error));
    base.setData(r.value);
    notifySuccess(t('base.saved'));
    await refreshSession(); // the header shows the base name and cohort
  }

  return (
    <Paper withBorder p="lg" maw={760}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('base.name')}
              value={draft.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              disabled={!editable}
              required
            />
            <TextInput
              label={t('base.code')}
              value={draft.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={errors.code}
              disabled={!editable}
              required
            />
            <TextInput
              label={t('base.province')}
              value={draft.province}
              onChange={(e) => set('province', e.currentTarget.value)}
              error={errors.province}
              disabled={!editable}
              required
            />
            <NumberInput
              label={t('base.cohortYear')}
              description={t('base.cohortYearHint')}
              value={draft.cohortYear}
              onChange={(v) => set('cohortYear', v)}
              min={2000}
              max={2100}
              allowDecimal={false}
              error={errors.cohortYear}
              disabled={!editable}
              required
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('base.presetNote', { preset: preset?.name ?? current.presetId })}
          </Text>
          {serverError && (
            <Text c="red" size="sm" role="alert">
              {serverError}
            </Text>
          )}
          {editable ? (
            <Group justify="flex-end">
              <Button variant="default" disabled={!dirty || update.busy} onClick={() => setDraft(draftOf(current))}>
                {t('common.reset')}
              </Button>
              <Button type="submit" disabled={!dirty} loading={update.busy}>
                {t('common.save')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('common.readOnly')}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

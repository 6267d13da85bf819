import { Alert, Button, Group, Stack, Stepper } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/call';
import { errorText } from '../../app/errors';
import { useSession } from '../../app/session';
import { mutate, useQuery } from '../../lib/query';
import { AuthLayout } from '../auth/AuthLayout';
import { AdminStep } from './AdminStep';
import { BaseStep } from './BaseStep';
import { PresetStep } from './PresetStep';
import { adminStepErrors, baseStepErrors, emptySetupForm, type SetupErrors, type SetupForm } from './setup-form';

/** First run: the base, its province preset and the first administrator, then straight into the app. */
export function SetupWizard() {
  const { t } = useTranslation();
  const presets = useQuery('system.presets');
  const signedIn = useSession((s) => s.signedIn);
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<SetupForm>(emptySetupForm);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const presetId = form.presetId || presets.data?.[0]?.id || '';
  const set = <K extends keyof SetupForm>(key: K, value: SetupForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  // Each step is checked against every rule the core applies to it, so nothing passes a step only to be
  // refused at the end, and nothing is quietly changed into something else.
  function validate(s: number): SetupErrors {
    if (s === 0) return baseStepErrors(form, t);
    if (s === 1) return presetId ? {} : { presetId: t('setup.presetRule') };
    return adminStepErrors(form, t);
  }

  function next() {
    const e = validate(step);
    setErrors(e);
    if (Object.keys(e).length === 0) setStep((s) => s + 1);
  }

  async function finish() {
    const e = validate(2);
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    setSubmitError(null);
    const username = form.username.trim();
    const r = await mutate('setup.initialize', {
      baseName: form.baseName.trim(),
      baseCode: form.baseCode.trim(),
      presetId,
      cohortYear: Number(form.cohortYear),
      admin: { username, displayName: form.displayName.trim(), password: form.password },
    });
    if (!r.ok) {
      setBusy(false);
      setSubmitError(errorText(r.error));
      return;
    }
    const login = await call('auth.login', { username, password: form.password });
    if (!login.ok) {
      setBusy(false);
      setSubmitError(errorText(login.error));
      return;
    }
    // The base's signing key is made at setup where this process can seal it (the desktop app's keychain);
    // where it cannot, it is made on the first package build instead, so a failure here blocks nothing.
    await mutate('keys.init', {});
    setBusy(false);
    await signedIn(login.value);
  }

  return (
    <AuthLayout width={720} subtitle={t('setup.subtitle')}>
      <Stack>
        <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
          <Stepper.Step label={t('setup.stepBase')} description={t('setup.stepBaseHint')}>
            <BaseStep form={form} errors={errors} set={set} />
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepPreset')} description={t('setup.stepPresetHint')}>
            <PresetStep presets={presets} presetId={presetId} error={errors.presetId} onChange={(v) => set('presetId', v)} />
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepAdmin')} description={t('setup.stepAdminHint')}>
            <AdminStep form={form} errors={errors} set={set} />
          </Stepper.Step>
        </Stepper>

        {submitError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {submitError}
          </Alert>
        )}

        <Group justify="space-between">
          <Button variant="default" disabled={step === 0 || busy} onClick={() => setStep((s) => s - 1)}>
            {t('common.back')}
          </Button>
          {step < 2 ? (
            <Button onClick={next} disabled={step === 1 && !presets.data}>
              {t('common.next')}
            </Button>
          ) : (
            <Button onClick={() => void finish()} loading={busy}>
              {t('setup.finish')}
            </Button>
          )}
        </Group>
      </Stack>
    </AuthLayout>
  );
}

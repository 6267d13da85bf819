import { Alert, Badge, Button, Group, NumberInput, Radio, SimpleGrid, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';
import { PROGRAM_LABELS } from '../../../../shared/preset';
import { call } from '../../app/call';
import { errorText } from '../../app/errors';
import { useSession } from '../../app/session';
import { mutate, useQuery } from '../../lib/query';
import { ErrorState, LoadingState } from '../../components/states';
import { AuthLayout } from '../auth/AuthLayout';
import { passwordProblem } from '../../../../shared/account-rules';
import { MIN_PASSWORD_LENGTH } from '../users/password';
import { USERNAME_PATTERN } from '../users/username';

type Form = {
  baseName: string;
  baseCode: string;
  cohortYear: number | string;
  presetId: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
};

type Errors = Partial<Record<keyof Form, string>>;
type T = (key: string, options?: Record<string, unknown>) => string;

/** The limits setup.initialize enforces (src/shared/contract/system.ts). */
const BASE_NAME_MAX = 100;
const BASE_CODE_MAX = 32;
const DISPLAY_NAME_MAX = 50;
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

function baseStepErrors(form: Form, t: T): Errors {
  const e: Errors = {};
  const name = form.baseName.trim();
  if (name.length < 2) e.baseName = t('setup.baseNameRule');
  else if (name.length > BASE_NAME_MAX) e.baseName = t('setup.baseNameTooLong', { max: BASE_NAME_MAX, n: name.length });
  const code = form.baseCode.trim();
  if (!code) e.baseCode = t('setup.baseCodeRule');
  else if (code.length > BASE_CODE_MAX) e.baseCode = t('setup.baseCodeTooLong', { max: BASE_CODE_MAX, n: code.length });
  const y = Number(form.cohortYear);
  if (form.cohortYear === '' || !Number.isInteger(y) || y < YEAR_MIN || y > YEAR_MAX) {
    e.cohortYear = t('setup.cohortYearRange', { min: YEAR_MIN, max: YEAR_MAX, value: form.cohortYear });
  }
  return e;
}

function adminStepErrors(form: Form, t: T): Errors {
  const e: Errors = {};
  if (!USERNAME_PATTERN.test(form.username.trim())) e.username = t('users.usernameRule');
  const name = form.displayName.trim();
  if (!name) e.displayName = t('users.displayNameRule');
  else if (name.length > DISPLAY_NAME_MAX) e.displayName = t('setup.displayNameTooLong', { max: DISPLAY_NAME_MAX });
  // The core's own password rules (length as people count it, common passwords, repeats), in its words.
  const problem = passwordProblem(form.password);
  if (problem) e.password = problem;
  else if (form.confirm !== form.password) e.confirm = t('users.passwordMismatch');
  return e;
}

/** First run: the base, its province preset and the first administrator, then straight into the app. */
export function SetupWizard() {
  const { t } = useTranslation();
  const presets = useQuery('system.presets');
  const signedIn = useSession((s) => s.signedIn);
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<Form>({
    baseName: '',
    baseCode: '',
    cohortYear: new Date().getFullYear(),
    presetId: '',
    username: 'admin',
    displayName: '',
    password: '',
    confirm: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const presetId = form.presetId || presets.data?.[0]?.id || '';
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  // Each step is checked against every rule the core applies to it, so nothing passes a step only to be
  // refused at the end, and nothing is quietly changed into something else.
  function validate(s: number): Errors {
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
            <Stack mt="md">
              <TextInput
                label={t('setup.baseName')}
                description={t('setup.baseNameHint')}
                required
                value={form.baseName}
                onChange={(e) => set('baseName', e.currentTarget.value)}
                error={errors.baseName}
                autoFocus
              />
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('setup.baseCode')}
                  required
                  value={form.baseCode}
                  onChange={(e) => set('baseCode', e.currentTarget.value)}
                  error={errors.baseCode}
                />
                <NumberInput
                  label={t('setup.cohortYear')}
                  required
                  min={YEAR_MIN}
                  max={YEAR_MAX}
                  clampBehavior="none"
                  allowDecimal={false}
                  value={form.cohortYear}
                  onChange={(v) => set('cohortYear', v)}
                  error={errors.cohortYear}
                />
              </SimpleGrid>
            </Stack>
          </Stepper.Step>

          <Stepper.Step label={t('setup.stepPreset')} description={t('setup.stepPresetHint')}>
            <Stack mt="md">
              {presets.loading && !presets.data && <LoadingState />}
              {presets.error && <ErrorState error={presets.error} onRetry={presets.refresh} />}
              {presets.data && (
                <Radio.Group
                  value={presetId}
                  onChange={(v) => set('presetId', v)}
                  label={t('setup.preset')}
                  error={errors.presetId}
                >
                  <Stack gap="xs" mt="xs">
                    {presets.data.map((p) => (
                      <Radio.Card key={p.id} value={p.id} p="sm" radius="sm" aria-label={p.name}>
                        <Group wrap="nowrap" align="flex-start">
                          <Radio.Indicator mt={3} />
                          <Stack gap={4}>
                            <Group gap="xs">
                              <Text fw={600}>{p.name}</Text>
                              <Badge variant="light" color="gray">
                                {p.province}
                              </Badge>
                              {p.programs.map((prog) => (
                                <Badge key={prog} variant="outline" size="sm">
                                  {t(`programs.${prog}`, { defaultValue: PROGRAM_LABELS[prog] })}
                                </Badge>
                              ))}
                            </Group>
                            {p.notes && (
                              <Text size="sm" c="dimmed">
                                {p.notes}
                              </Text>
                            )}
                          </Stack>
                        </Group>
                      </Radio.Card>
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            </Stack>
          </Stepper.Step>

          <Stepper.Step label={t('setup.stepAdmin')} description={t('setup.stepAdminHint')}>
            <Stack mt="md">
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('users.username')}
                  required
                  value={form.username}
                  onChange={(e) => set('username', e.currentTarget.value)}
                  error={errors.username}
                  autoComplete="username"
                />
                <TextInput
                  label={t('users.displayName')}
                  required
                  value={form.displayName}
                  onChange={(e) => set('displayName', e.currentTarget.value)}
                  error={errors.displayName}
                />
                <PasswordField
                  label={t('users.password')}
                  description={t('users.passwordRule', { min: MIN_PASSWORD_LENGTH })}
                  required
                  value={form.password}
                  onChange={(e) => set('password', e.currentTarget.value)}
                  error={errors.password}
                  autoComplete="new-password"
                />
                <PasswordField
                  label={t('users.passwordConfirm')}
                  required
                  value={form.confirm}
                  onChange={(e) => set('confirm', e.currentTarget.value)}
                  error={errors.confirm}
                  autoComplete="new-password"
                  styles={{ root: { alignSelf: 'end' } }}
                />
              </SimpleGrid>
            </Stack>
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

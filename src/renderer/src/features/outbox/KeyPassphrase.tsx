import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from '../../../../shared/account-rules';
import type { ApiError, Result } from '../../../../shared/errors';
import { errorText } from '../../app/errors';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { PasswordField } from '../../components/PasswordField';
import { useQuery } from '../../lib/query';

/**
 * 'new': a key is about to be sealed, so the passphrase is chosen (typed twice, checked against the rules the
 * core applies); 'unlock': the existing key is opened for signing.
 */
export type PassphraseMode = 'new' | 'unlock';

/** Errors the user fixes by typing the passphrase again: they stay in the dialog instead of a toast. */
const PASSPHRASE_ERRORS = new Set([
  'KEY_PASSPHRASE_WRONG',
  'KEY_PASSPHRASE_WEAK',
  'KEY_PASSPHRASE_EMPTY',
  'KEY_PROTECTOR_MISSING',
]);

type Attempt = (passphrase: string | undefined) => Promise<Result<unknown>>;

/**
 * Runs an action that seals or opens the signing key. Where this process has its own protector (the desktop
 * app's keychain, or `serve` started with BASEDESK_KEY_PASSPHRASE) the action runs as is; otherwise (the
 * served UI) the passphrase is asked for first and passed with that one call only. The action reports its
 * own success; errors other than a passphrase problem are shown as usual.
 */
export function useKeyPassphrase(): {
  guard: (want: PassphraseMode | 'sign', attempt: Attempt) => Promise<void>;
  dialog: ReactNode;
} {
  const keys = useQuery('keys.show', {});
  const [pending, setPending] = useState<{ mode: PassphraseMode; attempt: Attempt } | null>(null);
  // Signing makes the key first when there is none yet (the first build), and then it needs a new passphrase.
  const guard = async (want: PassphraseMode | 'sign', attempt: Attempt) => {
    const mode: PassphraseMode = want === 'sign' ? (keys.data?.active ? 'unlock' : 'new') : want;
    if (keys.data?.protector === null) return setPending({ mode, attempt });
    const r = await attempt(undefined);
    if (r.ok) return;
    if (r.error.code === 'KEY_PROTECTOR_MISSING') setPending({ mode, attempt });
    else notifyError(r.error);
  };
  const dialog = pending && (
    <PassphraseDialog
      mode={pending.mode}
      onClose={() => setPending(null)}
      onSubmit={async (passphrase) => {
        const r = await pending.attempt(passphrase);
        if (r.ok) {
          setPending(null);
          return null;
        }
        if (PASSPHRASE_ERRORS.has(r.error.code)) return r.error;
        setPending(null);
        notifyError(r.error);
        return null;
      }}
    />
  );
  return { guard, dialog };
}

function PassphraseDialog({
  mode,
  onClose,
  onSubmit,
}: {
  mode: PassphraseMode;
  onClose: () => void;
  onSubmit: (passphrase: string) => Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  const dataDir = useSession((s) => s.status?.dataDir ?? '');
  const [value, setValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ value?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const check = (): boolean => {
    const e: { value?: string; confirm?: string } = {};
    if (!value) e.value = t('keys.passphrase.required');
    else if (mode === 'new') {
      const problem = passwordProblem(value);
      if (problem) e.value = problem.replace(/密码/g, '口令');
      else if (confirm !== value) e.confirm = t('keys.passphrase.mismatch');
    }
    setErrors(e);
    return Object.keys(e).length === 0;
  };
  const submit = async () => {
    if (!check()) return;
    setBusy(true);
    setFailure(await onSubmit(value));
    setBusy(false);
  };

  return (
    <Dialog
      opened
      onClose={onClose}
      title={mode === 'new' ? t('keys.passphrase.newTitle') : t('keys.passphrase.unlockTitle')}
      closeOnClickOutside={false}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{mode === 'new' ? t('keys.passphrase.newHint') : t('keys.passphrase.unlockHint')}</Text>
          <PasswordField
            label={t('keys.passphrase.label')}
            description={mode === 'new' ? t('keys.passphrase.rule') : undefined}
            required
            autoFocus
            autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={errors.value}
          />
          {mode === 'new' && (
            <PasswordField
              label={t('keys.passphrase.confirm')}
              required
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={errors.confirm}
            />
          )}
          {mode === 'new' && (
            <Text size="sm" c="dimmed" data-testid="key-storage-note">
              {t('keys.passphrase.whereKept', { dir: dataDir })}
            </Text>
          )}
          {failure && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {mode === 'new' ? t('keys.passphrase.submitNew') : t('keys.passphrase.submitUnlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

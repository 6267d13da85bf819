import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';
import { errorText } from '../../app/errors';
import { useSession } from '../../app/session';
import { api } from '../../api/client';
import { AuthLayout } from './AuthLayout';

/**
 * Login, and the same form as the lock screen: locked, the user name is fixed and only the password is
 * asked; "switch user" signs out instead.
 */
export function AuthScreen({ mode }: { mode: 'login' | 'unlock' }) {
  const { t } = useTranslation();
  const lockedUser = useSession((s) => (mode === 'unlock' ? s.user : null));
  const notice = useSession((s) => s.notice);
  const baseName = useSession((s) => s.status?.base?.name);
  const signedIn = useSession((s) => s.signedIn);
  const logout = useSession((s) => s.logout);
  const [username, setUsername] = useState(lockedUser?.username ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const name = lockedUser?.username ?? username.trim();
    if (!name) return setError(t('auth.usernameRequired'));
    if (!password) return setError(t('auth.passwordRequired'));
    setBusy(true);
    setError(null);
    // Called directly, not through call(): a refused login must not be read as a locked session.
    const r = await api['auth.login']({ username: name, password });
    setBusy(false);
    if (!r.ok) {
      setError(errorText(r.error));
      setPassword('');
      return;
    }
    await signedIn(r.value);
  }

  return (
    <AuthLayout subtitle={baseName}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {mode === 'unlock' ? (
            <Group gap="xs">
              <IconLock size={20} />
              <Title order={4}>{t('auth.lockedTitle')}</Title>
            </Group>
          ) : (
            <Title order={4}>{t('auth.loginTitle')}</Title>
          )}
          {mode === 'login' && notice === 'expired' && (
            <Alert color="yellow" icon={<IconInfoCircle size={18} />}>
              {t('auth.sessionExpired')}
            </Alert>
          )}
          {mode === 'unlock' && lockedUser ? (
            <Text size="sm">{t('auth.lockedText', { name: lockedUser.displayName, username: lockedUser.username })}</Text>
          ) : (
            <TextInput
              label={t('auth.username')}
              autoComplete="username"
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
          )}
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            autoFocus={mode === 'unlock'}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error}
          />
          <Button type="submit" loading={busy} fullWidth>
            {mode === 'unlock' ? t('auth.unlock') : t('auth.login')}
          </Button>
          {mode === 'unlock' && (
            <Button variant="subtle" color="gray" onClick={() => void logout()}>
              {t('auth.switchUser')}
            </Button>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}

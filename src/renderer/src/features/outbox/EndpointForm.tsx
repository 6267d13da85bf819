import { Button, Group, Paper, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../app/notify';
import { mutate } from '../../lib/query';

/** The province's upload address; an empty field clears it (packages then only go out as downloads). */
export function EndpointForm({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(current ?? '');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) setValue(current ?? '');
  }, [current, touched]);
  const save = async () => {
    const r = await mutate('outbox.setEndpoint', { url: value.trim() === '' ? null : value.trim() });
    if (!r.ok) return notifyError(r.error);
    setTouched(false);
    notifySuccess(t('outbox.endpointSaved'));
  };
  return (
    <Paper withBorder p="sm">
      <Group align="flex-end">
        <TextInput
          style={{ flex: 1 }}
          label={t('outbox.endpoint')}
          placeholder={t('outbox.endpointPlaceholder')}
          value={value}
          onChange={(e) => {
            setTouched(true);
            setValue(e.currentTarget.value);
          }}
        />
        <Button variant="light" disabled={!touched} onClick={() => void save()}>
          {t('common.save')}
        </Button>
      </Group>
    </Paper>
  );
}

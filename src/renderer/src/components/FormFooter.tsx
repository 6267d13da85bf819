import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The end of a dialog form: the form-level error (if any), then Cancel and the submit button. */
export function FormFooter({
  error,
  onCancel,
  busy,
  submitLabel,
  color,
  disabled,
}: {
  error?: string | null;
  onCancel: () => void;
  busy: boolean;
  /** Defaults to 保存 (common.save). */
  submitLabel?: string;
  color?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" color={color} loading={busy} disabled={disabled}>
          {submitLabel ?? t('common.save')}
        </Button>
      </Group>
    </>
  );
}

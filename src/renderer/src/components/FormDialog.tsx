import { Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../../shared/errors';
import { errorText } from '../app/errors';
import { notifySuccess } from '../app/notify';
import { Dialog } from './Dialog';
import { FormFooter } from './FormFooter';

/**
 * A small form in a dialog: the children are the fields, `submit` makes the change (through `mutate`, so
 * the screens behind refresh) and returns its result; a refusal stays in the dialog, success closes it.
 */
export function FormDialog({
  title,
  opened,
  onClose,
  children,
  submit,
  submitLabel,
  canSubmit = true,
  color,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  children: ReactNode;
  submit: () => Promise<Result<unknown>>;
  submitLabel?: string;
  canSubmit?: boolean;
  color?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await submit();
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    notifySuccess(title);
    onClose();
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={title}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <Stack>
          {children}
          <FormFooter
            error={error}
            onCancel={onClose}
            busy={busy}
            submitLabel={submitLabel}
            disabled={!canSubmit}
            color={color}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

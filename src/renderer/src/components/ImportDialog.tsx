import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../shared/errors';
import { errorText } from '../app/errors';
import { notifySuccess } from '../app/notify';
import { readFileAsBase64 } from '../lib/file';
import { Dialog } from './Dialog';
import { FilePicker } from './FilePicker';

export type ImportSource = { fileName: string; contentBase64: string };

const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Choose a file, see what the import would do (nothing written), then write it: the pattern of every
 * import. The feature supplies the two calls and how a preview and a result read.
 */
export function ImportDialog<P, R>({
  opened,
  onClose,
  title,
  hint,
  inputTestId,
  extra,
  preview,
  commit,
  renderPreview,
  writable,
  commitLabel,
  doneText,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  hint: string;
  inputTestId: string;
  /** Options above the file button (e.g. "this is an example scheme"). */
  extra?: ReactNode;
  preview: (src: ImportSource) => Promise<Result<P>>;
  commit: (src: ImportSource) => Promise<Result<R>>;
  renderPreview: (p: P) => ReactNode;
  /** How many records the commit would write (0 disables it). */
  writable: (p: P) => number;
  commitLabel: (count: number) => string;
  doneText: (r: R) => string;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<ImportSource | null>(null);
  const [shown, setShown] = useState<P | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);

  useEffect(() => {
    if (!opened) return;
    setSource(null);
    setShown(null);
    setError(null);
  }, [opened]);

  async function pick(file: File | null) {
    if (!file) return;
    setShown(null);
    setError(null);
    if (file.size > MAX_BYTES) return setError({ code: 'FILE_TOO_LARGE', message: t('applicants.fileTooLarge', { mb: 32 }) });
    const src = { fileName: file.name, contentBase64: await readFileAsBase64(file) };
    setSource(src);
    setBusy('preview');
    const r = await preview(src);
    setBusy(null);
    if (r.ok) setShown(r.value);
    else setError(r.error);
  }

  async function write() {
    if (!source) return;
    setBusy('commit');
    const r = await commit(source);
    setBusy(null);
    if (!r.ok) return setError(r.error);
    notifySuccess(doneText(r.value));
    onClose();
  }

  const count = shown ? writable(shown) : 0;
  return (
    <Dialog opened={opened} onClose={onClose} title={title} size={900} closeOnClickOutside={false}>
      <Stack>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {extra}
        <FilePicker
          onPick={(f) => void pick(f)}
          accept=".csv,.xlsx"
          inputTestId={inputTestId}
          fileName={source?.fileName ?? null}
          loading={busy === 'preview'}
          chooseLabel={t('applicants.chooseFile')}
          chooseAnotherLabel={t('applicants.chooseAnother')}
        />
        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {errorText(error)}
          </Alert>
        )}
        {shown && renderPreview(shown)}
        {shown && (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void write()} loading={busy === 'commit'} disabled={count === 0}>
              {commitLabel(count)}
            </Button>
          </Group>
        )}
      </Stack>
    </Dialog>
  );
}

import { Button, Center, Image, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../../shared/contract/applicants';
import { ErrorState, LoadingState } from '../../components/states';
import { Dialog } from '../../components/Dialog';
import { saveBase64 } from '../../lib/download';
import { useQuery } from '../../lib/query';

/**
 * A scan shown inside the app (the desktop app refuses new windows). Images are drawn from a data: URL,
 * which the page's policy allows for images; a PDF cannot be framed under that policy, so it is offered
 * for saving instead. Opening an ID-card scan is audited by the core.
 */
export function ScanViewer({
  scan,
  itemLabel,
  onClose,
}: {
  scan: AttachmentView | null;
  itemLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const file = useQuery('attachments.get', { id: scan?.id ?? '' }, scan !== null);
  const title = scan ? t('desk.scanTitle', { item: itemLabel, file: scan.fileName }) : '';
  return (
    <Dialog opened={scan !== null} onClose={onClose} title={title} size="xl">
      {file.error && <ErrorState error={file.error} onRetry={file.refresh} />}
      {scan && !file.data && !file.error && <LoadingState />}
      {scan && file.data && file.data.mime.startsWith('image/') && (
        <Center>
          <Image
            src={`data:${file.data.mime};base64,${file.data.contentBase64}`}
            alt={title}
            fit="contain"
            mah="70vh"
            data-testid="scan-image"
          />
        </Center>
      )}
      {scan && file.data && !file.data.mime.startsWith('image/') && (
        <Stack align="flex-start">
          <Text size="sm">{t('desk.scanPdf')}</Text>
          <Button
            leftSection={<IconDownload size={16} />}
            onClick={() => saveBase64(scan.fileName, file.data!.contentBase64, file.data!.mime)}
          >
            {t('desk.scanSave')}
          </Button>
        </Stack>
      )}
    </Dialog>
  );
}

import { Button, Center, Image, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorState, LoadingState } from '../../components/states';
import { saveBase64 } from '../../lib/download';
import { useQuery } from '../../lib/query';

/**
 * A proof scan shown inside the app (the desktop app refuses new windows): images drawn from a data: URL; a
 * PDF cannot be framed under the page's policy, so it is offered for saving.
 */
export function ProofViewer({ experienceId, onClose }: { experienceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const file = useQuery('reduction.proof', { id: experienceId });
  const title = file.data ? t('reduction.proofTitle', { file: file.data.fileName }) : t('reduction.proof');
  return (
    <Dialog opened onClose={onClose} title={title} size="xl">
      {file.error && <ErrorState error={file.error} onRetry={file.refresh} />}
      {!file.data && !file.error && <LoadingState />}
      {file.data && file.data.mime.startsWith('image/') && (
        <Center>
          <Image src={`data:${file.data.mime};base64,${file.data.contentBase64}`} alt={title} fit="contain" mah="70vh" />
        </Center>
      )}
      {file.data && !file.data.mime.startsWith('image/') && (
        <Stack align="flex-start">
          <Text size="sm">{t('reduction.proofPdf')}</Text>
          <Button
            leftSection={<IconDownload size={16} />}
            onClick={() => saveBase64(file.data!.fileName, file.data!.contentBase64, file.data!.mime)}
          >
            {t('reduction.proofSave')}
          </Button>
        </Stack>
      )}
    </Dialog>
  );
}

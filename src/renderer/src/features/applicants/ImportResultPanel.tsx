import { Alert, Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/contract/applicants';
import { ImportProblemTable } from '../../components/ImportProblemTable';
import { downloadRejections } from './rejection-report';

/** After the commit: what was written, the rows left out and their report. */
export function ImportResultPanel({
  result,
  sourceFileName,
  onClose,
}: {
  result: ImportResult;
  sourceFileName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Alert color="teal" data-testid="import-result">
        {t('applicants.imported', result)}
      </Alert>
      {result.rejected.length > 0 && <ImportProblemTable problems={result.rejected} testId="import-rejected" withPerson />}
      <Group justify="flex-end">
        {result.rejected.length > 0 && (
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => void downloadRejections(sourceFileName, result.rejected)}
          >
            {t('applicants.downloadReport')}
          </Button>
        )}
        <Button onClick={onClose}>{t('applicants.close')}</Button>
      </Group>
    </>
  );
}

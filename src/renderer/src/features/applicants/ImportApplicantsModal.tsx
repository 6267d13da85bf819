import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { errorText } from '../../app/errors';
import { Dialog } from '../../components/Dialog';
import { FilePicker } from '../../components/FilePicker';
import { ColumnMappingForm } from './ColumnMappingForm';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { ImportResultPanel } from './ImportResultPanel';
import { useApplicantImport } from './useApplicantImport';

/** The core could not find the columns: the clerk maps them by hand. */
const MAPPING_ERRORS = new Set(['APPLICANTS_NO_HEADER', 'APPLICANTS_COLUMNS_MISSING']);

/** The sheet's first rows and the header row the core guessed, as the mapping error carries them. */
function mappingStart(error: ApiError): { rows: string[][]; headerRow: number } {
  const rows = error.details?.['rows'];
  const headerRow = error.details?.['headerRow'];
  return {
    rows: (Array.isArray(rows) ? rows : []) as string[][],
    headerRow: typeof headerRow === 'number' ? headerRow : 1,
  };
}

/** File -> preview with every row's problems (nothing written) -> commit of the valid rows -> problem report download. */
export function ImportApplicantsModal({
  opened,
  onClose,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const { source, preview, error, fileError, busy, result, pick, applyMapping, commit } = useApplicantImport(opened, onImported);
  const start = error && source && MAPPING_ERRORS.has(error.code) ? mappingStart(error) : null;
  return (
    <Dialog opened={opened} onClose={onClose} title={t('applicants.importTitle')} size={1000} closeOnClickOutside={false}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('applicants.importHint')}
        </Text>
        {!result && (
          <FilePicker
            onPick={(f) => void pick(f)}
            accept=".csv,.xlsx,.txt"
            inputTestId="applicants-file-input"
            fileName={source?.fileName ?? null}
            loading={busy === 'preview'}
            chooseLabel={t('applicants.chooseFile')}
            chooseAnotherLabel={t('applicants.chooseAnother')}
          />
        )}
        {fileError && (
          <Alert color="red" role="alert">
            {fileError}
          </Alert>
        )}
        {error && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={t('applicants.previewFailed')}>
            {errorText(error)}
          </Alert>
        )}
        {start && (
          <ColumnMappingForm
            rows={start.rows}
            initialHeaderRow={start.headerRow}
            initialMapping={{}}
            onApply={(headerRow, mapping, save) => applyMapping({ headerRow, mapping, save })}
          />
        )}
        {preview && !result && (
          <ImportPreviewPanel
            preview={preview}
            committing={busy === 'commit'}
            onRemap={applyMapping}
            onCommit={() => void commit()}
          />
        )}
        {result && source && <ImportResultPanel result={result} sourceFileName={source.fileName} onClose={onClose} />}
      </Stack>
    </Dialog>
  );
}

import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExamResultsImport } from '../../../../shared/contract/exam';
import { call } from '../../app/call';
import { ImportDialog } from '../../components/ImportDialog';
import { ImportProblemTable } from '../../components/ImportProblemTable';
import { mutate } from '../../lib/query';

/**
 * The province's results file: a preview first (nothing written), then the import of the whole file.
 * Any problem row refuses the file: the rows are listed in words and nothing is imported.
 */
export function ResultsImport({ year, opened, onClose }: { year: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ImportDialog<ExamResultsImport, ExamResultsImport>
      opened={opened}
      onClose={onClose}
      title={t('exam.results.importTitle', { year })}
      hint={t('exam.results.importHint')}
      inputTestId="exam-results-file"
      preview={(src) => call('exam.importResults', { ...src, year, dryRun: true })}
      commit={(src) => mutate('exam.importResults', { ...src, year }, ['trainees.'])}
      renderPreview={(p) => <Preview p={p} />}
      writable={(p) => (p.rejected.length > 0 ? 0 : p.imported + p.updated)}
      commitLabel={(n) => t('exam.results.importCommit', { count: n })}
      doneText={(r) => t('exam.results.imported', r)}
    />
  );
}

function Preview({ p }: { p: ExamResultsImport }) {
  const { t } = useTranslation();
  if (p.rejected.length > 0)
    return (
      <Stack gap="xs" data-testid="exam-results-refused">
        <Alert color="red" title={t('exam.results.refusedTitle', { count: p.rejected.length })} role="alert">
          {t('exam.results.refusedHint')}
        </Alert>
        <ImportProblemTable problems={p.rejected} testId="exam-results-problems" />
      </Stack>
    );
  return (
    <Group gap="lg" data-testid="exam-results-preview">
      <Text size="sm">{t('exam.results.previewCounts', p)}</Text>
      {p.imported + p.updated === 0 && (
        <Text size="sm" c="dimmed">
          {t('exam.results.nothingNew')}
        </Text>
      )}
    </Group>
  );
}

import { Alert, Badge, Button, Group, ScrollArea, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract/applicants';
import { ColumnMappingForm } from './ColumnMappingForm';
import { ImportProblemTable, SHOWN_PROBLEMS } from '../../components/ImportProblemTable';
import { WarningGroups } from './ImportWarningGroups';
import type { ColumnMapping } from './useApplicantImport';

/** What the import would do: how the columns were read, rejected rows, warnings, changes, and the commit button. */
export function ImportPreviewPanel({
  preview,
  committing,
  onRemap,
  onCommit,
}: {
  preview: ImportPreview;
  committing: boolean;
  onRemap: (m: ColumnMapping) => void;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  const [remap, setRemap] = useState(false);
  const writable = preview.imported + preview.updated;
  return (
    <>
      <Group gap="xs">
        <Badge variant="light" color="gray">
          {t(`applicants.mappingSource.${preview.mappingSource}`)}
        </Badge>
        {preview.encoding && (
          <Badge variant="light" color="gray">
            {preview.encoding}
          </Badge>
        )}
        <Badge variant="light" color={preview.rejected.length ? 'orange' : 'teal'} data-testid="import-summary">
          {t('applicants.summary', preview)}
        </Badge>
        <Button size="compact-xs" variant="subtle" onClick={() => setRemap((v) => !v)}>
          {t('applicants.mappingTitle')}
        </Button>
      </Group>
      {remap && (
        <ColumnMappingForm
          rows={preview.rowsPreview}
          initialHeaderRow={preview.headerRow}
          initialMapping={preview.mapping}
          recognised
          onApply={(headerRow, mapping, save) => {
            setRemap(false);
            onRemap({ headerRow, mapping, save });
          }}
        />
      )}
      {preview.rejected.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={t('applicants.problemsTitle', { count: preview.rejected.length })}
        >
          <ImportProblemTable problems={preview.rejected} testId="import-problems" withPerson />
          {preview.rejected.length > SHOWN_PROBLEMS && (
            <Text size="sm">{t('applicants.problemsMore', { count: preview.rejected.length - SHOWN_PROBLEMS })}</Text>
          )}
        </Alert>
      )}
      {preview.warnings.length > 0 && (
        <Alert color="yellow" title={t('applicants.warningsTitle', { count: preview.warnings.length })}>
          <WarningGroups problems={preview.warnings} />
        </Alert>
      )}
      {preview.changes.length > 0 && <ImportChangesAlert changes={preview.changes} />}
      <Group justify="flex-end">
        {writable === 0 && <Text size="sm">{t('applicants.nothingToImport')}</Text>}
        <Button onClick={onCommit} loading={committing} disabled={writable === 0}>
          {t('applicants.commit', { count: writable })}
        </Button>
      </Group>
    </>
  );
}

/** Rows that update someone already on the roster, field by field. */
function ImportChangesAlert({ changes }: { changes: ImportPreview['changes'] }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" title={t('applicants.changesTitle', { count: changes.length })}>
      <ScrollArea.Autosize mah={160}>
        {changes.map((c) => (
          <Text size="sm" key={c.applicantId}>
            {c.row} · {c.name}（{c.idNumber}）：
            {c.changes.map((x) => `${x.field} ${x.before ?? '—'} → ${x.after ?? '—'}`).join('；')}
          </Text>
        ))}
      </ScrollArea.Autosize>
    </Alert>
  );
}

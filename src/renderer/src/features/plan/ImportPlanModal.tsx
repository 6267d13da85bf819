import { Alert, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../../../shared/contract/plan';
import { errorText } from '../../app/errors';
import { Dialog } from '../../components/Dialog';
import { FilePicker } from '../../components/FilePicker';
import { ErrorState } from '../../components/states';
import { ImportPreviewTable } from './ImportPreviewTable';
import { ImportVerdictBar } from './ImportVerdictBar';
import { PlanReplaceSection } from './PlanReplaceSection';
import { PreviewSummary } from './PreviewSummary';
import { UnknownSpecialties } from './UnknownSpecialties';
import { usePlanImport } from './usePlanImport';

const ACCEPT =
  '.csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

/**
 * Pick a file -> preview (nothing written) -> choose this base's column and map unknown specialty names ->
 * commit, which replaces this cohort's plan in one transaction. Commit stays disabled while problems remain.
 */
export function ImportPlanModal({
  opened,
  onClose,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  onImported: (p: PlanView) => void;
}) {
  const { t } = useTranslation();
  const im = usePlanImport({ opened, onImported, onClose });
  const { source, preview, previewError, choices } = im;

  return (
    <Dialog opened={opened} onClose={onClose} title={t('plan.importTitle')} size={980} closeOnClickOutside={false}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('plan.importHint')}
        </Text>
        <FilePicker
          onPick={(f) => void im.pick(f)}
          accept={ACCEPT}
          inputTestId="plan-file-input"
          fileName={source?.fileName ?? null}
          fileNameTestId="import-file-name"
          loading={im.busy === 'preview'}
          chooseLabel={t('plan.chooseFile')}
          chooseAnotherLabel={t('plan.chooseAnother')}
        />
        {im.fileError && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {im.fileError}
          </Alert>
        )}

        {previewError && (
          <Alert
            color={choices.length ? 'yellow' : 'red'}
            icon={<IconAlertTriangle size={18} />}
            role="alert"
            title={t('plan.previewFailed')}
          >
            {errorText(previewError)}
          </Alert>
        )}

        {source && choices.length > 1 && (
          <Select
            label={t('plan.baseColumn')}
            description={t('plan.baseColumnHint')}
            placeholder={t('plan.baseColumnPlaceholder')}
            data={choices}
            value={im.baseColumn}
            searchable
            allowDeselect={false}
            onChange={im.chooseBaseColumn}
            maw={420}
            disabled={im.busy !== null}
          />
        )}

        {preview && (
          <>
            <PreviewSummary preview={preview} />
            <UnknownSpecialties unknown={preview.unknownSpecialties} mappings={im.mappings} onChange={im.map} />
            {preview.diff && !preview.diff.identical && (
              <PlanReplaceSection
                diff={preview.diff}
                preview={preview}
                reason={im.reason}
                onReason={im.setReason}
                remap={im.remap}
                onRemap={im.remapCode}
              />
            )}
            <ImportPreviewTable preview={preview} />
          </>
        )}

        {im.commitError && <ErrorState error={im.commitError} title={t('plan.commitFailed')} />}

        <ImportVerdictBar
          verdict={im.verdict}
          busy={im.busy !== null}
          committing={im.busy === 'commit'}
          onCancel={onClose}
          onCommit={() => void im.commit()}
        />
      </Stack>
    </Dialog>
  );
}

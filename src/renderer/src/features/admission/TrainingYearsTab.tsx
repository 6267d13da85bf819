import { Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingYearRow } from '../../../../shared/contract/admission';
import { ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { FollowupTable } from './FollowupTable';
import { ProvinceReviewDialog } from './ProvinceReviewDialog';
import { ReductionDecisionDialog } from './ReductionDecisionDialog';
import { ReductionRequestDialog } from './ReductionRequestDialog';
import { TrainingYearTableRow, type TrainingYearStep } from './TrainingYearTableRow';

/** 培训年限: each admitted person's years, and the reduction steps (request, base decision, province review). */
export function TrainingYearsTab({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const q = useQuery('admission.trainingYears', {});
  const [dialog, setDialog] = useState<{ step: TrainingYearStep; row: TrainingYearRow } | null>(null);
  if (q.error) return <ErrorState error={q.error} onRetry={q.refresh} />;
  if (!q.data) return <LoadingState />;
  const close = () => setDialog(null);
  const rowFor = (step: TrainingYearStep) => (dialog?.step === step ? dialog.row : null);
  return (
    <Paper withBorder>
      <FollowupTable
        label={t('admission.tabs.years')}
        head={[
          t('admission.table.name'),
          t('admission.table.specialty'),
          t('admission.years.program'),
          t('admission.years.default'),
          t('admission.years.requested'),
          t('admission.years.status'),
          t('admission.years.decided'),
        ]}
        actions={editable}
      >
        {q.data.map((r) => (
          <TrainingYearTableRow key={r.applicantId} r={r} editable={editable} onStep={(step) => setDialog({ step, row: r })} />
        ))}
      </FollowupTable>
      <ReductionRequestDialog row={rowFor('request')} onClose={close} />
      <ReductionDecisionDialog row={rowFor('decide')} onClose={close} />
      <ProvinceReviewDialog row={rowFor('province')} onClose={close} />
    </Paper>
  );
}

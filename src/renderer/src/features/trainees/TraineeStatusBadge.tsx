import { useTranslation } from 'react-i18next';
import type { TraineeStatus } from '../../../../shared/contract/trainees';
import { StatusBadge } from '../../components/StatusBadge';

const COLORS: Record<TraineeStatus, string> = {
  active: 'teal',
  suspended: 'orange',
  extended: 'yellow',
  withdrawn: 'red',
  completed: 'blue',
};

/** 在培 / 暂停 / 延期 / 退培 / 结业. */
export function TraineeStatusBadge({ status }: { status: TraineeStatus }) {
  const { t } = useTranslation();
  return <StatusBadge status={status} colors={COLORS} label={t(`trainees.statuses.${status}`)} testId="trainee-status" />;
}

import type { TraineeStatus } from '../../../../shared/contract/trainees';
import { StatusBadge } from '../../components/StatusBadge';
import { useRowT } from '../../i18n/useRowT';

const COLORS: Record<TraineeStatus, string> = {
  active: 'teal',
  suspended: 'orange',
  extended: 'yellow',
  withdrawn: 'red',
  completed: 'blue',
};

/** 在培 / 暂停 / 延期 / 退培 / 结业. */
export function TraineeStatusBadge({ status }: { status: TraineeStatus }) {
  const t = useRowT();
  return <StatusBadge status={status} colors={COLORS} label={t(`trainees.statuses.${status}`)} testId="trainee-status" />;
}

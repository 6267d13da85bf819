/**
 * Which training-status changes a person may record. Pure. 退培 and 结业 end the training; leaving them is
 * allowed only back to 在培, as the correction of a mistaken entry (the reason says so, and history keeps both).
 */
import { TRAINEE_STATUS_LABELS, type TraineeStatus } from '../../../shared/contract/trainees';
import { AppError } from '../../../shared/errors';

const NEXT: Record<TraineeStatus, readonly TraineeStatus[]> = {
  active: ['suspended', 'extended', 'withdrawn', 'completed'],
  suspended: ['active', 'extended', 'withdrawn'],
  extended: ['active', 'suspended', 'withdrawn', 'completed'],
  withdrawn: ['active'],
  completed: ['active'],
};

export function allowedNext(from: TraineeStatus): readonly TraineeStatus[] {
  return NEXT[from];
}

export function checkTransition(name: string, from: TraineeStatus, to: TraineeStatus): void {
  const label = TRAINEE_STATUS_LABELS;
  if (from === to) {
    throw new AppError('TRAINEE_STATUS_UNCHANGED', `${name} 当前已是“${label[to]}”，无需变更。`);
  }
  if (!NEXT[from].includes(to)) {
    throw new AppError(
      'TRAINEE_STATUS_TRANSITION',
      `${name} 当前为“${label[from]}”，不能直接变更为“${label[to]}”（可变更为：${NEXT[from].map((s) => label[s]).join('、')}）。`,
      { from, to },
    );
  }
}

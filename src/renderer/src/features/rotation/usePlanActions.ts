import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRunResult, StatusChangeResult, TraineePlanView } from '../../../../shared/contract/rotation';
import type { ApiError, Result } from '../../../../shared/errors';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { formatDate } from '../../lib/format';
import { invalidate, mutate } from '../../lib/query';
import { showPrintable } from '../../lib/print';
import type { MoveRequest } from './PlanGrid';
import type { GridTrainee } from './grid-model';
import type { CohortGridState } from './useCohortGrid';

/** 一键排班, 审核通过, block moves with undo and the printable pages for one cohort, with what the last of each answered. */
export function usePlanActions(cohort: number | null, cohortPlans: Pick<CohortGridState, 'reload' | 'replace'>) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<PlanRunResult | null>(null);
  const [approval, setApproval] = useState<StatusChangeResult | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [needsReason, setNeedsReason] = useState<{ move: MoveRequest; undoing: boolean } | null>(null);
  const [undo, setUndo] = useState<MoveRequest[]>([]);
  const [busy, setBusy] = useState<'plan' | 'approve' | null>(null);
  // What 一键排班, 审核通过 and the last edit answered belongs to the cohort they were run on: another cohort
  // chosen must not show the previous one's shortfalls or skipped trainees as its own, nor undo its moves.
  const [answersFor, setAnswersFor] = useState(cohort);
  if (answersFor !== cohort) {
    setAnswersFor(cohort);
    setOutcome(null);
    setApproval(null);
    setRefusal(null);
    setNeedsReason(null);
    setUndo([]);
  }
  // The cohort on screen now: an answer that arrives after another was chosen is not shown as its own.
  const shown = useRef(cohort);
  shown.current = cohort;

  async function autoPlan() {
    if (cohort === null) return;
    setBusy('plan');
    const r = await mutate('rotation.plan', { cohortYear: cohort });
    setBusy(null);
    if (!r.ok) return notifyError(r.error);
    if (shown.current !== cohort) return;
    setOutcome(r.value);
    if (r.value.infeasible.length === 0) notifySuccess(t('rotation.plan.autoPlanDone', { planned: r.value.planned }));
    cohortPlans.reload();
  }

  async function approve() {
    if (cohort === null) return;
    setBusy('approve');
    const r = await mutate('rotation.approve', { cohortYear: cohort });
    setBusy(null);
    if (!r.ok) return notifyError(r.error);
    if (shown.current !== cohort) return;
    setApproval(r.value);
    notifySuccess(t('rotation.plan.approveDone', { changed: r.value.changed }));
    cohortPlans.reload();
  }

  /**
   * One shift-and-push, checked by the server at once; a refusal's own message says why. An approved plan
   * needs a reason for any change: then the reason dialog opens and the same move is sent again with it.
   * Each saved move goes on the undo stack; undoing is the same block moved back (itself checked and audited).
   */
  async function move(m: MoveRequest, reason?: string, undoing = false): Promise<Result<TraineePlanView>> {
    const r = await call('rotation.shiftBlock', { blockId: m.block.id, by: m.by, ...(reason ? { reason } : {}) });
    if (!r.ok) {
      if (reason) return r;
      if (r.error.code === 'ROTATION_REASON_REQUIRED') setNeedsReason({ move: m, undoing });
      else setRefusal(r.error);
      return r;
    }
    setRefusal(null);
    setUndo((stack) => (undoing ? stack.slice(0, -1) : [...stack, m]));
    cohortPlans.replace(r.value);
    invalidate(['rotation.roster', 'rotation.load', 'rotation.check']);
    const moved = r.value.blocks.find((b) => b.id === m.block.id);
    notifySuccess(
      t(undoing ? 'rotation.plan.undone' : 'rotation.plan.moved', {
        name: m.trainee.name,
        department: m.block.department,
        start: formatDate(moved?.start ?? m.block.start),
      }),
    );
    return r;
  }

  /** Moves the last moved block back by as much as it moved. */
  async function undoLast(): Promise<void> {
    const last = undo.at(-1);
    if (last) await move({ ...last, by: -last.by }, undefined, true);
  }

  /** The 轮转安排计划 (one trainee or the cohort) or the cohort's 出科考核成绩, in the print preview. */
  async function print(kind: 'plan' | 'exitExams', trainee?: GridTrainee) {
    if (cohort === null) return;
    const r = await call('rotation.printable', trainee ? { traineeId: trainee.id, kind } : { cohortYear: cohort, kind });
    if (!r.ok) return notifyError(r.error);
    showPrintable({ title: r.value.fileName.replace(/\.html$/, ''), html: r.value.html });
  }

  return {
    outcome,
    approval,
    refusal,
    setRefusal,
    needsReason,
    setNeedsReason,
    busy,
    autoPlan,
    approve,
    move,
    canUndo: undo.length > 0,
    undoLast,
    print,
  };
}

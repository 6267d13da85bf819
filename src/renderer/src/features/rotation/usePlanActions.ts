import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRunResult, StatusChangeResult, TraineePlanView } from '../../../../shared/contract/rotation';
import type { ApiError, Result } from '../../../../shared/errors';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { formatDate } from '../../lib/format';
import { invalidate, mutate } from '../../lib/query';
import type { MoveRequest } from './PlanGrid';
import type { CohortPlans } from './useCohortPlans';

/** 一键排班, 审核通过 and single-block moves for one cohort, with what the last of each answered. */
export function usePlanActions(cohort: number | null, cohortPlans: CohortPlans) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<PlanRunResult | null>(null);
  const [approval, setApproval] = useState<StatusChangeResult | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [needsReason, setNeedsReason] = useState<MoveRequest | null>(null);
  const [busy, setBusy] = useState<'plan' | 'approve' | null>(null);

  async function autoPlan() {
    if (cohort === null) return;
    setBusy('plan');
    const r = await mutate('rotation.plan', { cohortYear: cohort });
    setBusy(null);
    if (!r.ok) return notifyError(r.error);
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
    setApproval(r.value);
    notifySuccess(t('rotation.plan.approveDone', { changed: r.value.changed }));
    cohortPlans.reload();
  }

  /**
   * One edit, checked by the server at once; a refusal's own message says why. An approved plan needs a
   * reason for any change: then the reason dialog opens and the same move is sent again with it.
   */
  async function move(m: MoveRequest, reason?: string): Promise<Result<TraineePlanView>> {
    const why = reason ? { reason } : {};
    const r = m.swapWith
      ? await call('rotation.swapBlocks', { a: m.block.id, b: m.swapWith.id, ...why }).then((x) =>
          x.ok ? { ok: true as const, value: x.value.find((v) => v.traineeId === m.trainee.id)! } : x,
        )
      : await call('rotation.moveBlock', { blockId: m.block.id, start: m.start, ...why });
    if (!r.ok) {
      if (reason) return r;
      if (r.error.code === 'ROTATION_REASON_REQUIRED') setNeedsReason(m);
      else setRefusal(r.error);
      return r;
    }
    setRefusal(null);
    cohortPlans.replace(r.value);
    invalidate(['rotation.roster', 'rotation.check']);
    const moved = r.value.blocks.find((b) => b.id === m.block.id);
    notifySuccess(
      t('rotation.plan.moved', {
        name: m.trainee.name,
        department: m.block.department,
        start: formatDate(moved?.start ?? m.start),
      }),
    );
    return r;
  }

  return { outcome, approval, refusal, setRefusal, needsReason, setNeedsReason, busy, autoPlan, approve, move };
}

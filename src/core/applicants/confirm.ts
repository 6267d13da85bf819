/**
 * The confirmation decision (现场确认): checklist, 确认通过 / 退回补正 / 不予确认 with reasons, reopening with a
 * reason, and the printable receipt. Every change is one transaction with its audit event.
 */
import type {
  ApplicantDetail,
  ApplicantSummary,
  ChecklistState,
  Decision,
  RulesOverride,
} from '../../shared/contract/applicants';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import { loadCatalogue, type CatalogueIndex } from '../catalogue/catalogue';
import type { Actor, Core, Tx } from '../context';
import { normalizeIdInput } from '../identity';
import { isoNow } from '../util/clock';
import { checkWindow } from '../windows/guard';
import { declareComplete, missingRequired } from './checklist';
import { rulesOverrideOf } from './desk-records';
import { applicantDetail, requireApplicant } from './detail';
import { DECISION_LABELS, receiptHtml } from './receipt';
import { summaryOf } from './record';
import { savedChecklist } from './stored-json';
import type { ApplicantTable } from './tables';

async function resolveTargets(tx: Tx, cohortYear: number, targets: string[]): Promise<ApplicantTable[]> {
  const found: ApplicantTable[] = [];
  const unknown: string[] = [];
  for (const t of targets) {
    const byId = await tx.selectFrom('applicants').selectAll().where('id', '=', t).executeTakeFirst();
    const hit =
      byId ??
      (await tx
        .selectFrom('applicants')
        .selectAll()
        .where('cohort_year', '=', cohortYear)
        .where('id_number', '=', normalizeIdInput(t))
        .executeTakeFirst());
    if (hit) found.push(hit);
    else unknown.push(maskIdNumber(normalizeIdInput(t)));
  }
  if (unknown.length > 0) {
    throw new AppError('APPLICANT_NOT_FOUND', `找不到以下报名人员：${unknown.join('、')}。请核对证件号码；没有作出任何确认。`, {
      unknown,
    });
  }
  return found;
}

export async function saveChecklist(
  core: Core,
  actor: Actor,
  id: string,
  checklist: Record<string, ChecklistState>,
): Promise<ApplicantDetail> {
  return core.db.transaction().execute(async (tx) => {
    const a = await requireApplicant(tx, id);
    const before = savedChecklist(a);
    const after = { ...(before ?? {}), ...checklist };
    await tx
      .updateTable('applicants')
      .set({ checklist_json: JSON.stringify(after), updated_at: isoNow(core.clock) })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'confirm.checklist',
      entity: 'applicant',
      entityId: id,
      before,
      after,
    });
    return applicantDetail(tx, id);
  });
}

export type DecideInput = {
  targets: string[];
  decision: Decision;
  reason?: string | undefined;
  checklist?: Record<string, ChecklistState> | undefined;
  checklistComplete?: boolean | undefined;
  overrideRules?: boolean | undefined;
};

/** Input problems that need no database: refused before anything is read. */
function checkDecisionInput(input: DecideInput, reason: string): void {
  if (input.decision !== 'confirmed' && reason === '') {
    throw new AppError(
      'CONFIRM_REASON_REQUIRED',
      `“${DECISION_LABELS[input.decision]}”必须填写原因（例如缺少哪份材料、哪项不符合条件），原因会写在回执上。`,
    );
  }
  if (input.overrideRules && input.decision !== 'confirmed') {
    throw new AppError('CONFIRM_OVERRIDE_ONLY_CONFIRMED', '“放行资格规则”只用于“确认通过”；退回补正、不予确认不需要放行。');
  }
  if (input.overrideRules && reason === '') {
    throw new AppError(
      'CONFIRM_OVERRIDE_REASON_REQUIRED',
      '放行不符合的资格规则必须写明原因（例如核实了哪份证明），原因记入审计日志，并显示在确认台和录取说明中。',
    );
  }
}

function refuseIfDecided(a: ApplicantTable): void {
  if (a.confirmation_status === 'confirmed' || a.confirmation_status === 'rejected') {
    throw new AppError(
      'CONFIRM_ALREADY_DECIDED',
      `${a.name}（${maskIdNumber(a.id_number)}）已经是“${DECISION_LABELS[a.confirmation_status]}”。如需更改，请先“重新确认”并填写原因。没有作出任何确认。`,
      { applicantId: a.id, status: a.confirmation_status },
    );
  }
}

type Confirmation = {
  checklist: Record<string, ChecklistState>;
  declared: string[];
  override: RulesOverride | null;
};

/**
 * What 确认通过 needs: a recorded checklist (or the clerk's declaration) with every required item present,
 * and no failing eligibility rule unless the clerk overrides it with a reason.
 */
async function confirmation(
  tx: Tx,
  a: ApplicantTable,
  catalogue: CatalogueIndex,
  input: DecideInput,
  by: { username: string; reason: string; at: string },
): Promise<Confirmation> {
  const detail = await applicantDetail(tx, a.id, catalogue);
  const saved = savedChecklist(a);
  let checklist = input.checklist || saved ? { ...(saved ?? {}), ...(input.checklist ?? {}) } : null;
  let declared: string[] = [];
  if (input.checklistComplete) ({ checklist, declared } = declareComplete(detail.checklist, checklist ?? {}));
  if (checklist === null) {
    throw new AppError(
      'CONFIRM_CHECKLIST_UNRECORDED',
      `${a.name}（${maskIdNumber(a.id_number)}）的材料核对还没有记录，不能“确认通过”。请在现场确认台逐项核对；如已逐项核验全部必需材料的原件，可在命令行加 --checklist complete 声明（记入审计）。没有作出任何确认。`,
      { applicantId: a.id },
    );
  }
  const merged = checklist;
  const missing = missingRequired(detail.checklist.map((i) => ({ ...i, state: merged[i.key] ?? i.state })));
  if (missing.length > 0) {
    throw new AppError(
      'CONFIRM_DOCUMENTS_MISSING',
      `${a.name} 还缺少：${missing.map((m) => m.label).join('、')}。材料齐全才能“确认通过”；否则请选择“退回补正”并写明原因。`,
      { applicantId: a.id, missing: missing.map((m) => m.key) },
    );
  }
  const failing = detail.eligibility.filter((e) => e.outcome === 'fail');
  if (failing.length > 0 && !input.overrideRules) {
    throw new AppError(
      'CONFIRM_RULES_FAILED',
      `${a.name} 不符合资格规则：${failing.map((f) => `“${f.title}”`).join('、')}。如核实后仍应确认通过，请写明放行原因（确认台“放行并确认通过”，命令行 --override-rules --reason 原因）；否则请选择“不予确认”。没有作出任何确认。`,
      { applicantId: a.id, rules: failing.map((f) => f.ruleId) },
    );
  }
  const override =
    failing.length > 0
      ? { reason: by.reason, by: by.username, at: by.at, rules: failing.map((f) => ({ ruleId: f.ruleId, title: f.title })) }
      : null;
  return { checklist, declared, override };
}

export async function decide(core: Core, actor: Actor, input: DecideInput): Promise<ApplicantSummary[]> {
  const reason = input.reason?.trim() ?? '';
  checkDecisionInput(input, reason);
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const catalogue = await loadCatalogue(tx);
    const targets = await resolveTargets(tx, base.cohort_year, input.targets);
    const outside = await checkWindow(tx, core, base.cohort_year, 'desk-confirmation', reason);
    const now = isoNow(core.clock);
    const out: ApplicantSummary[] = [];
    for (const a of targets) {
      refuseIfDecided(a);
      const saved = savedChecklist(a);
      const c: Confirmation =
        input.decision === 'confirmed'
          ? await confirmation(tx, a, catalogue, input, { username: actor.username, reason, at: now })
          : { checklist: { ...(saved ?? {}), ...(input.checklist ?? {}) }, declared: [], override: null };
      const recorded = input.decision === 'confirmed' || input.checklist || saved ? c.checklist : null;
      const after = {
        confirmation_status: input.decision,
        decided_at: now,
        decided_by: actor.username,
        decision_reason: reason || null,
        checklist_json: recorded ? JSON.stringify(recorded) : a.checklist_json,
        checklist_attested_json:
          c.declared.length > 0
            ? JSON.stringify({ by: actor.username, at: now, keys: c.declared })
            : (a.checklist_attested_json ?? null),
        rules_override_json: c.override ? JSON.stringify(c.override) : null,
        updated_at: now,
      };
      await tx.updateTable('applicants').set(after).where('id', '=', a.id).execute();
      await appendEvent(tx, core, actor.username, {
        action: 'confirm.decide',
        entity: 'applicant',
        entityId: a.id,
        before: { status: a.confirmation_status, name: a.name, idNumber: maskIdNumber(a.id_number) },
        after: {
          status: input.decision,
          checklist: recorded,
          ...(c.declared.length > 0 ? { checklistDeclaredComplete: c.declared } : {}),
          ...(c.override ? { rulesOverride: c.override } : {}),
          ...(outside ? { outsideWindow: outside } : {}),
        },
        reason: reason || null,
      });
      out.push(summaryOf({ ...a, ...after }, catalogue));
    }
    return out;
  });
}

export async function reopen(core: Core, actor: Actor, id: string, reason: string): Promise<ApplicantDetail> {
  return core.db.transaction().execute(async (tx) => {
    const a = await requireApplicant(tx, id);
    if (a.confirmation_status === 'pending') {
      throw new AppError('CONFIRM_NOT_DECIDED', `${a.name} 还没有确认结论，不需要重新确认。`);
    }
    await tx
      .updateTable('applicants')
      .set({
        confirmation_status: 'pending',
        decided_at: null,
        decided_by: null,
        decision_reason: null,
        // The override let one decision through; the next decision needs its own (the audit keeps this one).
        rules_override_json: null,
        updated_at: isoNow(core.clock),
      })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'confirm.reopen',
      entity: 'applicant',
      entityId: id,
      before: {
        status: a.confirmation_status,
        decidedAt: a.decided_at,
        decidedBy: a.decided_by,
        reason: a.decision_reason,
        rulesOverride: rulesOverrideOf(a),
      },
      after: { status: 'pending', name: a.name, idNumber: maskIdNumber(a.id_number) },
      reason,
    });
    return applicantDetail(tx, id);
  });
}

export async function receipt(core: Core, id: string): Promise<string> {
  const detail = await applicantDetail(core.db, id);
  if (detail.confirmation === 'pending') {
    throw new AppError(
      'CONFIRM_NOT_DECIDED',
      `${detail.name} 还没有确认结论，作出“确认通过 / 退回补正 / 不予确认”后才能打印回执。`,
    );
  }
  const base = await requireBase(core.db);
  return receiptHtml(detail, { name: base.name, cohortYear: base.cohort_year }, isoNow(core.clock));
}

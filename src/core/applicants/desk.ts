/**
 * The confirmation desk (现场确认): look-up, detail with checklist and eligibility, decisions, reopening,
 * receipt, dashboard and scans. Every change is one transaction with its audit event.
 */
import ExcelJS from 'exceljs';
import type {
  ApplicantDetail,
  ApplicantSummary,
  AttachmentView,
  ChecklistState,
  Dashboard,
  Decision,
  EducationRow,
  RowProblem,
  WorkRow,
} from '../../shared/contract/applicants';
import { AppError } from '../../shared/errors';
import { maskIdNumber, maskPhone } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import { loadCatalogue, type CatalogueIndex } from '../catalogue/catalogue';
import type { Core, Tx } from '../context';
import { normalizeIdInput } from '../identity';
import { toHalfWidth } from '../tabular';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { checkAttachment, readBlob, storeBlob } from '../attachments/store';
import { buildChecklist, checklistTemplate, missingRequired } from './checklist';
import { evaluateEligibility, presetRules } from './eligibility';
import { maskCertNo, maskInText } from './privacy';
import { DECISION_LABELS, receiptHtml } from './receipt';
import { contentHash, recordOf, summaryOf } from './record';
import type { ApplicantTable, AttachmentTable } from './tables';

export async function requireApplicant(tx: Tx, id: string): Promise<ApplicantTable> {
  const a = await tx.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('APPLICANT_NOT_FOUND', `找不到这位报名人员（编号 ${id}），可能已被删除，请重新查找。`);
  return a;
}

function attachmentView(a: AttachmentTable): AttachmentView {
  return {
    id: a.id,
    itemKey: a.item_key,
    sha256: a.sha256,
    mime: a.mime,
    size: a.size,
    fileName: a.file_name,
    sensitive: a.sensitive === 1,
    createdAt: a.created_at,
    createdBy: a.created_by,
  };
}

type Extra = { education?: EducationRow[]; work?: WorkRow[] };

export async function applicantDetail(tx: Tx, id: string, catalogue?: CatalogueIndex): Promise<ApplicantDetail> {
  const a = await requireApplicant(tx, id);
  const cat = catalogue ?? (await loadCatalogue(tx));
  const preset = await currentPreset(tx);
  const record = recordOf(a);
  const extra = JSON.parse(a.extra_json) as Extra;
  const summary = summaryOf(a, cat);
  const education: EducationRow[] =
    extra.education && extra.education.length > 0
      ? extra.education
      : a.highest_education
        ? [
            {
              level: a.highest_education,
              ...(a.highest_degree ? { degree: a.highest_degree } : {}),
              school: a.school ?? '',
              major: a.major ?? '',
              ...(a.graduation_date ? { to: a.graduation_date } : {}),
              fullTime: record.fullTime,
            },
          ]
        : [];
  const saved = a.checklist_json === null ? null : (JSON.parse(a.checklist_json) as Record<string, ChecklistState>);
  const attachments = await tx
    .selectFrom('applicant_attachments')
    .selectAll()
    .where('applicant_id', '=', a.id)
    .orderBy('created_at')
    .execute();
  return {
    ...summary,
    cohortYear: a.cohort_year,
    ethnicity: a.ethnicity,
    birthDate: a.birth_date,
    email: a.email,
    highestEducation: a.highest_education,
    highestDegree: a.highest_degree,
    school: a.school,
    major: a.major,
    graduationDate: a.graduation_date,
    fullTime: record.fullTime,
    employer: a.employer,
    ruralOriented: record.ruralOriented,
    qualificationCertNo: maskCertNo(a.qualification_cert_no),
    practisingCertNo: a.practising_cert_no,
    reductionYears: a.reduction_years,
    photoSha256: a.photo_sha256,
    education,
    work: extra.work ?? [],
    categoryName: preset.categories.find((c) => c.code === a.category)?.name ?? a.category,
    decidedBy: a.decided_by,
    decisionReason: a.decision_reason,
    checklist: buildChecklist(checklistTemplate(preset, record, education.length > 1), saved),
    eligibility: evaluateEligibility(presetRules(preset), { ...record, choiceNames: summary.choiceNames }),
    attachments: attachments.map(attachmentView),
    sourceFile: a.source_file,
    sourceRow: a.source_row,
  };
}

export async function updateApplicant(
  core: Core,
  actor: string,
  input: {
    id: string;
    education?: EducationRow[] | undefined;
    work?: WorkRow[] | undefined;
    reductionYears?: 0 | 1 | 2 | undefined;
    ethnicity?: string | null | undefined;
    email?: string | null | undefined;
    employer?: string | null | undefined;
    reason?: string | undefined;
  },
): Promise<ApplicantDetail> {
  return core.db.transaction().execute(async (tx) => {
    const a = await requireApplicant(tx, input.id);
    const extra = JSON.parse(a.extra_json) as Extra;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const nextExtra: Extra = { ...extra };
    for (const k of ['education', 'work'] as const) {
      const v = input[k];
      if (v !== undefined && JSON.stringify(v) !== JSON.stringify(extra[k] ?? [])) {
        before[k] = extra[k] ?? [];
        after[k] = v;
        (nextExtra as Record<string, unknown>)[k] = v;
      }
    }
    const cols: Partial<Pick<ApplicantTable, 'reduction_years' | 'ethnicity' | 'email' | 'employer'>> = {};
    const pairs = [
      ['reductionYears', 'reduction_years'],
      ['ethnicity', 'ethnicity'],
      ['email', 'email'],
      ['employer', 'employer'],
    ] as const;
    for (const [k, col] of pairs) {
      const v = input[k];
      if (v !== undefined && v !== a[col]) {
        before[k] = a[col];
        after[k] = v;
        (cols as Record<string, unknown>)[col] = v === '' ? null : v;
      }
    }
    if (Object.keys(after).length === 0) return applicantDetail(tx, input.id);
    const merged = { ...a, ...cols };
    await tx
      .updateTable('applicants')
      .set({
        ...cols,
        extra_json: JSON.stringify(nextExtra),
        content_hash: contentHash(recordOf(merged)),
        updated_at: isoNow(core.clock),
      })
      .where('id', '=', input.id)
      .execute();
    await appendEvent(tx, core, actor, {
      action: 'applicant.edit',
      entity: 'applicant',
      entityId: input.id,
      before,
      after,
      reason: input.reason ?? null,
    });
    return applicantDetail(tx, input.id);
  });
}

// ---- search -------------------------------------------------------------------------------------------

/** What the clerk typed decides which index is used; every branch is a prefix range on an indexed column. */
export function classifyQuery(raw: string): { kind: 'id' | 'digits' | 'name' | 'initials' | 'none'; q: string } {
  const q = toHalfWidth(raw).replace(/[\s-]+/g, '');
  if (q === '') return { kind: 'none', q };
  if (/^\d+[xX]?$/.test(q)) return { kind: /^1[3-9]?\d{0,9}$/.test(q) ? 'digits' : 'id', q: q.toUpperCase() };
  if (/^[a-zA-Z]+$/.test(q)) return { kind: 'initials', q: q.toLowerCase() };
  if (/^[A-Za-z]\d+/.test(q)) return { kind: 'id', q: normalizeIdInput(q) };
  return { kind: 'name', q };
}

const END = '\uffff';

export async function searchApplicants(
  tx: Tx,
  cohortYear: number,
  raw: string,
  limit: number,
): Promise<{ rows: ApplicantTable[]; kind: string }> {
  const { kind, q } = classifyQuery(raw);
  if (kind === 'none') return { rows: [], kind };
  const prefix = (col: 'id_number' | 'name' | 'name_initials' | 'phone', value: string) =>
    tx
      .selectFrom('applicants')
      .selectAll()
      .where('cohort_year', '=', cohortYear)
      .where(col, '>=', value)
      .where(col, '<', value + END)
      .orderBy(col)
      .limit(limit)
      .execute();
  let rows: ApplicantTable[];
  if (kind === 'id') rows = await prefix('id_number', q);
  else if (kind === 'digits') {
    const [byPhone, byId] = await Promise.all([prefix('phone', q), prefix('id_number', q)]);
    rows = [...byPhone, ...byId];
  } else if (kind === 'initials') {
    const [byInitials, byId] = await Promise.all([prefix('name_initials', q), prefix('id_number', q.toUpperCase())]);
    rows = [...byInitials, ...byId];
  } else rows = await prefix('name', q);
  const seen = new Set<string>();
  rows = rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  // Exact hits first (the full ID, the exact name), then the rest in index order.
  const exact = (r: ApplicantTable) => r.id_number === q || r.name === q || r.phone === q || r.name_initials === q;
  rows.sort((a, b) => Number(exact(b)) - Number(exact(a)));
  return { rows: rows.slice(0, limit), kind };
}

// ---- list ---------------------------------------------------------------------------------------------

export async function listApplicants(
  tx: Tx,
  input: { status?: ApplicantTable['confirmation_status']; specialty?: string; query?: string; limit: number; offset: number },
): Promise<{ total: number; rows: ApplicantTable[] }> {
  const base = await requireBase(tx);
  let q = tx.selectFrom('applicants').where('cohort_year', '=', base.cohort_year);
  if (input.status) q = q.where('confirmation_status', '=', input.status);
  if (input.specialty) q = q.where('choices_json', 'like', `%"${input.specialty.replace(/[%_"]/g, '')}"%`);
  if (input.query) {
    const { kind, q: v } = classifyQuery(input.query);
    if (kind !== 'none') {
      q = q.where((eb) =>
        eb.or(
          kind === 'name'
            ? [eb.and([eb('name', '>=', v), eb('name', '<', v + END)])]
            : kind === 'initials'
              ? [eb.and([eb('name_initials', '>=', v), eb('name_initials', '<', v + END)])]
              : [
                  eb.and([eb('id_number', '>=', v), eb('id_number', '<', v + END)]),
                  eb.and([eb('phone', '>=', v), eb('phone', '<', v + END)]),
                ],
        ),
      );
    }
  }
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('name_initials')
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { total, rows };
}

// ---- decisions ----------------------------------------------------------------------------------------

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
  actor: string,
  id: string,
  checklist: Record<string, ChecklistState>,
): Promise<ApplicantDetail> {
  return core.db.transaction().execute(async (tx) => {
    const a = await requireApplicant(tx, id);
    const before = a.checklist_json === null ? null : (JSON.parse(a.checklist_json) as Record<string, ChecklistState>);
    const after = { ...(before ?? {}), ...checklist };
    await tx
      .updateTable('applicants')
      .set({ checklist_json: JSON.stringify(after), updated_at: isoNow(core.clock) })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, core, actor, { action: 'confirm.checklist', entity: 'applicant', entityId: id, before, after });
    return applicantDetail(tx, id);
  });
}

export async function decide(
  core: Core,
  actor: string,
  input: {
    targets: string[];
    decision: Decision;
    reason?: string | undefined;
    checklist?: Record<string, ChecklistState> | undefined;
  },
): Promise<ApplicantSummary[]> {
  const reason = input.reason?.trim() ?? '';
  if (input.decision !== 'confirmed' && reason === '') {
    throw new AppError(
      'CONFIRM_REASON_REQUIRED',
      `“${DECISION_LABELS[input.decision]}”必须填写原因（例如缺少哪份材料、哪项不符合条件），原因会写在回执上。`,
    );
  }
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const catalogue = await loadCatalogue(tx);
    const targets = await resolveTargets(tx, base.cohort_year, input.targets);
    const now = isoNow(core.clock);
    const out: ApplicantSummary[] = [];
    for (const a of targets) {
      if (a.confirmation_status === 'confirmed' || a.confirmation_status === 'rejected') {
        throw new AppError(
          'CONFIRM_ALREADY_DECIDED',
          `${a.name}（${maskIdNumber(a.id_number)}）已经是“${DECISION_LABELS[a.confirmation_status]}”。如需更改，请先“重新确认”并填写原因。没有作出任何确认。`,
          { applicantId: a.id, status: a.confirmation_status },
        );
      }
      const saved = a.checklist_json === null ? null : (JSON.parse(a.checklist_json) as Record<string, ChecklistState>);
      const checklist = input.checklist || saved ? { ...(saved ?? {}), ...(input.checklist ?? {}) } : null;
      if (input.decision === 'confirmed' && checklist) {
        const detail = await applicantDetail(tx, a.id, catalogue);
        const missing = missingRequired(detail.checklist.map((i) => ({ ...i, state: checklist[i.key] ?? i.state })));
        if (missing.length > 0) {
          throw new AppError(
            'CONFIRM_DOCUMENTS_MISSING',
            `${a.name} 还缺少：${missing.map((m) => m.label).join('、')}。材料齐全才能“确认通过”；否则请选择“退回补正”并写明原因。`,
            { applicantId: a.id, missing: missing.map((m) => m.key) },
          );
        }
      }
      const after = {
        confirmation_status: input.decision,
        decided_at: now,
        decided_by: actor,
        decision_reason: reason || null,
        checklist_json: checklist ? JSON.stringify(checklist) : a.checklist_json,
        updated_at: now,
      };
      await tx.updateTable('applicants').set(after).where('id', '=', a.id).execute();
      await appendEvent(tx, core, actor, {
        action: 'confirm.decide',
        entity: 'applicant',
        entityId: a.id,
        before: { status: a.confirmation_status, name: a.name, idNumber: maskIdNumber(a.id_number) },
        after: { status: input.decision, checklist },
        reason: reason || null,
      });
      out.push(summaryOf({ ...a, ...after }, catalogue));
    }
    return out;
  });
}

export async function reopen(core: Core, actor: string, id: string, reason: string): Promise<ApplicantDetail> {
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
        updated_at: isoNow(core.clock),
      })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, core, actor, {
      action: 'confirm.reopen',
      entity: 'applicant',
      entityId: id,
      before: { status: a.confirmation_status, decidedAt: a.decided_at, decidedBy: a.decided_by, reason: a.decision_reason },
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

// ---- dashboard ----------------------------------------------------------------------------------------

export async function dashboard(tx: Tx): Promise<Dashboard> {
  const base = await requireBase(tx);
  const catalogue = await loadCatalogue(tx);
  const year = base.cohort_year;
  const byStatus = await tx
    .selectFrom('applicants')
    .select(['confirmation_status as s', (eb) => eb.fn.countAll().as('n')])
    .where('cohort_year', '=', year)
    .groupBy('confirmation_status')
    .execute();
  const byOutcome = { pending: 0, confirmed: 0, returned: 0, rejected: 0 };
  for (const r of byStatus) byOutcome[r.s] = Number(r.n);
  const days = await tx
    .selectFrom('applicants')
    .select([
      (eb) => eb.fn('date', ['decided_at', eb.val('localtime')]).as('d'),
      'confirmation_status as s',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('cohort_year', '=', year)
    .where('decided_at', 'is not', null)
    .groupBy(['d', 'confirmation_status'])
    .execute();
  const perDay = new Map<string, Dashboard['perDay'][number]>();
  for (const r of days) {
    const d = String(r.d);
    const row = perDay.get(d) ?? { date: d, confirmed: 0, returned: 0, rejected: 0 };
    if (r.s !== 'pending') row[r.s] += Number(r.n);
    perDay.set(d, row);
  }
  // Per specialty by first choice: that is where the applicant competes first.
  const spec = await tx
    .selectFrom('applicants')
    .select([
      (eb) => eb.fn('json_extract', ['choices_json', eb.val('$[0]')]).as('c'),
      'confirmation_status as s',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('cohort_year', '=', year)
    .groupBy(['c', 'confirmation_status'])
    .execute();
  const perSpecialty = new Map<string, Dashboard['perSpecialty'][number]>();
  for (const r of spec) {
    const code = r.c === null ? '' : String(r.c);
    const row = perSpecialty.get(code) ?? {
      code,
      name: catalogue.byCode.get(code)?.name ?? (code || '（未填志愿）'),
      total: 0,
      confirmed: 0,
      returned: 0,
      rejected: 0,
      pending: 0,
    };
    row[r.s] += Number(r.n);
    row.total += Number(r.n);
    perSpecialty.set(code, row);
  }
  const total = Object.values(byOutcome).reduce((s, n) => s + n, 0);
  return {
    total,
    waiting: byOutcome.pending,
    byOutcome,
    perDay: [...perDay.values()].sort((a, b) => a.date.localeCompare(b.date)),
    perSpecialty: [...perSpecialty.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

// ---- scans --------------------------------------------------------------------------------------------

export async function addAttachment(
  core: Core,
  actor: string,
  input: { applicantId: string; itemKey: string; fileName: string; bytes: Uint8Array },
): Promise<AttachmentView> {
  await requireApplicant(core.db, input.applicantId);
  const mime = checkAttachment(input.fileName, input.bytes);
  if (input.itemKey === 'photo' && mime === 'application/pdf') {
    throw new AppError('ATTACHMENT_NOT_IMAGE', `证件照必须是 JPEG 或 PNG 图片，「${input.fileName}」是 PDF。`);
  }
  // The blob is written first; a failed transaction leaves at most an unreferenced, content-addressed file.
  const sha256 = storeBlob(core.dataDir, input.bytes);
  return core.db.transaction().execute(async (tx) => {
    const row: AttachmentTable = {
      id: uuidv7(core.clock.nowMs()),
      applicant_id: input.applicantId,
      item_key: input.itemKey,
      sha256,
      mime,
      size: input.bytes.length,
      file_name: input.fileName.slice(0, 200),
      sensitive: input.itemKey === 'id_card' ? 1 : 0,
      created_at: isoNow(core.clock),
      created_by: actor,
    };
    await tx.insertInto('applicant_attachments').values(row).execute();
    if (input.itemKey === 'photo') {
      await tx.updateTable('applicants').set({ photo_sha256: sha256 }).where('id', '=', input.applicantId).execute();
    }
    const view = attachmentView(row);
    await appendEvent(tx, core, actor, {
      action: 'attachment.add',
      entity: 'applicant',
      entityId: input.applicantId,
      after: view,
    });
    return view;
  });
}

export async function readAttachment(
  core: Core,
  actor: { username: string; canReveal: boolean },
  id: string,
): Promise<{ mime: string; bytes: Uint8Array }> {
  const a = await core.db.selectFrom('applicant_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('ATTACHMENT_UNKNOWN', '找不到这个扫描件。');
  if (a.sensitive === 1) {
    if (!actor.canReveal) throw new AppError('FORBIDDEN', '身份证图像属于敏感个人信息，当前角色无权查看。');
    await core.db.transaction().execute((tx) =>
      appendEvent(tx, core, actor.username, {
        action: 'attachment.view',
        entity: 'applicant',
        entityId: a.applicant_id,
        after: { attachmentId: id, itemKey: a.item_key },
      }),
    );
  }
  return { mime: a.mime, bytes: readBlob(core.dataDir, a.sha256) };
}

// ---- privacy ------------------------------------------------------------------------------------------

export async function reveal(
  core: Core,
  actor: string,
  id: string,
  reason?: string,
): Promise<{ idNumber: string; phone: string | null }> {
  return core.db.transaction().execute(async (tx) => {
    const a = await requireApplicant(tx, id);
    await appendEvent(tx, core, actor, {
      action: 'applicant.reveal',
      entity: 'applicant',
      entityId: id,
      after: { fields: ['idNumber', 'phone'], idNumber: maskIdNumber(a.id_number), phone: a.phone ? maskPhone(a.phone) : null },
      reason: reason ?? null,
    });
    return { idNumber: a.id_number, phone: a.phone };
  });
}

export function maskProblems(problems: RowProblem[]): RowProblem[] {
  return problems.map((p) => ({ ...p, message: maskInText(p.message) }));
}

export async function rejectionReportXlsx(
  sourceFileName: string,
  rejected: RowProblem[],
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入问题');
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '字段', key: 'field', width: 18 },
    { header: '代码', key: 'code', width: 20 },
    { header: '说明', key: 'message', width: 100 },
  ];
  for (const p of rejected) ws.addRow({ row: p.row, field: p.field, code: p.code, message: maskInText(p.message) });
  ws.getRow(1).font = { bold: true };
  const buf = await wb.xlsx.writeBuffer();
  const stem = sourceFileName.replace(/\.[^.]+$/, '');
  return { fileName: `${stem}-导入问题清单.xlsx`, bytes: new Uint8Array(buf as ArrayBuffer) };
}

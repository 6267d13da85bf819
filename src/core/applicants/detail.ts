/** One applicant in full (checklist, eligibility, scans) and the clerk's edits to the supplementary fields. */
import type { ApplicantDetail, EducationRow, WorkRow } from '../../shared/contract/applicants';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { currentPreset } from '../base/base';
import { loadCatalogue, type CatalogueIndex } from '../catalogue/catalogue';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { attachmentView } from './attachments';
import { buildChecklist, checklistTemplate } from './checklist';
import { attestationOf, rulesOverrideOf } from './desk-records';
import { evaluateEligibility, presetRules } from './eligibility';
import { maskCertNo } from './privacy';
import { contentHash, recordOf, summaryOf } from './record';
import { extraOf, savedChecklist, type Extra } from './stored-json';
import type { ApplicantTable } from './tables';
import { displayNameOf } from '../users/display-names';

export async function requireApplicant(tx: Tx, id: string): Promise<ApplicantTable> {
  const a = await tx.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw new AppError('APPLICANT_NOT_FOUND', `找不到这位报名人员（编号 ${id}），可能已被删除，请重新查找。`);
  return a;
}

export async function applicantDetail(tx: Tx, id: string, catalogue?: CatalogueIndex): Promise<ApplicantDetail> {
  const a = await requireApplicant(tx, id);
  const cat = catalogue ?? (await loadCatalogue(tx));
  const preset = await currentPreset(tx);
  const record = recordOf(a);
  const extra = extraOf(a);
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
  const saved = savedChecklist(a);
  const attested = attestationOf(a);
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
    decidedByName: await displayNameOf(tx, a.decided_by),
    decisionReason: a.decision_reason,
    checklist: buildChecklist(checklistTemplate(preset, record, education.length > 1), saved, attested?.keys),
    checklistAttested: attested,
    rulesOverride: rulesOverrideOf(a),
    eligibility: evaluateEligibility(presetRules(preset), { ...record, choiceNames: summary.choiceNames }),
    attachments: attachments.map(attachmentView),
    sourceFile: a.source_file,
    sourceRow: a.source_row,
  };
}

export async function updateApplicant(
  core: Core,
  actor: Actor,
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
    const extra = extraOf(a);
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
    await appendEvent(tx, core, actor.username, {
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

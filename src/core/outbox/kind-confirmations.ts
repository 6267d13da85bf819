import { savedChecklist } from '../applicants/stored-json';
import { attachmentsDir } from '../attachments/store';
import { parseJsonAs, stringList } from '../util/json';
import { join } from 'node:path';
import { emptyKind, htmlTable, type Collected, type PackageKindDef } from './kind-types';
import { deterministicXlsx } from './xlsx';

const STATUS_LABEL: Record<string, string> = {
  pending: '待确认',
  confirmed: '确认通过',
  returned: '退回补正',
  rejected: '不予确认',
};
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/** On-site confirmation results (the applicants tables): every applicant of the cohort with status and decision. */
export const confirmationsKind: PackageKindDef = {
  kind: 'confirmations',
  label: '现场确认结果',
  schemaVersion: 1,
  requiredTables: ['applicants', 'applicant_attachments'],
  async collect(tx, core, ctx): Promise<Collected> {
    const rows = await tx.selectFrom('applicants').selectAll().where('cohort_year', '=', ctx.cohortYear).orderBy('id').execute();
    if (rows.length === 0) throw emptyKind(this, `${ctx.cohortYear} 级报名人员`);
    const specialties = new Map(
      (await tx.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.code, s.name]),
    );
    const atts = await tx
      .selectFrom('applicant_attachments')
      .innerJoin('applicants', 'applicants.id', 'applicant_attachments.applicant_id')
      .select([
        'applicant_attachments.id',
        'applicant_attachments.applicant_id',
        'applicant_attachments.item_key',
        'applicant_attachments.sha256',
        'applicant_attachments.mime',
        'applicant_attachments.size',
        'applicant_attachments.sensitive',
      ])
      .where('applicants.cohort_year', '=', ctx.cohortYear)
      .orderBy('applicant_attachments.id')
      .execute();
    const applicants = rows.map((r) => {
      const choices = parseJsonAs(stringList, r.choices_json, 'applicants.choices_json').map((code) => ({
        code,
        name: specialties.get(code) ?? null,
      }));
      return {
        id: r.id,
        idType: r.id_type,
        idNumber: r.id_number,
        name: r.name,
        sex: r.sex,
        ethnicity: r.ethnicity,
        birthDate: r.birth_date,
        phone: r.phone,
        email: r.email,
        highestEducation: r.highest_education,
        highestDegree: r.highest_degree,
        school: r.school,
        major: r.major,
        graduationDate: r.graduation_date,
        fullTime: r.full_time === null ? null : r.full_time === 1,
        category: r.category,
        employer: r.employer,
        ruralOriented: r.rural_oriented === 1,
        qualificationCertNo: r.qualification_cert_no,
        practisingCertNo: r.practising_cert_no,
        choices,
        acceptsAdjustment: r.accepts_adjustment === 1,
        reductionYears: r.reduction_years,
        confirmation: {
          status: r.confirmation_status,
          checklist: savedChecklist(r),
          decidedAt: r.decided_at,
          decidedBy: r.decided_by,
          reason: r.decision_reason,
        },
      };
    });
    const attachments = atts.map((a) => ({
      id: a.id,
      applicantId: a.applicant_id,
      itemKey: a.item_key,
      sha256: a.sha256,
      mime: a.mime,
      size: a.size,
      sensitive: a.sensitive === 1,
      path: `data/attachments/${a.sha256}.${EXT[a.mime] ?? 'bin'}`,
    }));
    const files = new Map<string, string>();
    for (const a of attachments) files.set(a.path, join(attachmentsDir(core.dataDir), a.sha256));

    const table = await deterministicXlsx(
      '现场确认结果',
      [
        { header: '姓名', value: (a: (typeof applicants)[number]) => a.name },
        { header: '证件类型', value: (a) => a.idType },
        { header: '证件号码', width: 22, value: (a) => a.idNumber },
        { header: '性别', width: 6, value: (a) => a.sex },
        { header: '手机号码', value: (a) => a.phone },
        { header: '人员类型', value: (a) => a.category },
        { header: '工作单位', width: 24, value: (a) => a.employer },
        { header: '志愿', width: 24, value: (a) => a.choices.map((c) => c.name ?? c.code).join('；') },
        { header: '确认结果', value: (a) => STATUS_LABEL[a.confirmation.status] ?? a.confirmation.status },
        { header: '确认时间', width: 22, value: (a) => a.confirmation.decidedAt },
        { header: '经办人', value: (a) => a.confirmation.decidedBy },
        { header: '原因', width: 30, value: (a) => a.confirmation.reason },
      ],
      applicants,
      ctx.day,
    );
    const counts = new Map<string, number>();
    for (const a of applicants) counts.set(a.confirmation.status, (counts.get(a.confirmation.status) ?? 0) + 1);
    const summary = [...counts].map(([s, n]) => `${STATUS_LABEL[s] ?? s} ${n} 人`).join('，');
    const form = htmlTable(
      `${ctx.baseName} ${ctx.cohortYear} 级现场确认结果`,
      `基地代码 ${ctx.baseCode}；打包日期 ${ctx.baggingDate}；共 ${applicants.length} 人：${summary}`,
      ['序号', '姓名', '证件号码', '人员类型', '志愿', '确认结果', '原因'],
      applicants.map((a, i) => [
        i + 1,
        a.name,
        a.idNumber,
        a.category,
        a.choices.map((c) => c.name ?? c.code).join('；'),
        STATUS_LABEL[a.confirmation.status] ?? a.confirmation.status,
        a.confirmation.reason,
      ]),
    );
    return {
      records: { applicants, attachments },
      tables: [{ name: 'confirmations', bytes: table }],
      forms: [{ name: 'confirmations', html: form }],
      attachments: [...files].map(([path, filePath]) => ({ path, filePath })),
    };
  },
};

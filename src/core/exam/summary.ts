/**
 * The 结业考核报名汇总表 (重庆2024 附件2 住培 / 附件3 助理全科), as XLSX and as a printable page with the
 * 培训基地（盖章）, 负责人签字 and date lines. The notice gives no columns: the template
 * (resources/exam-calendars/summary-template.json) defaults to the 结业考核资格审核名册 columns and is
 * edited per base (summary-template.ts). Only candidates the base approved are listed; the sheet goes to the province, so it carries full ID
 * numbers and every export is audited.
 */
import { loadExcelJS } from '../tabular/xlsx';
import template from '../../../resources/exam-calendars/summary-template.json';
import { EXAM_SUBJECT_LABELS, type ExamCandidateView } from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { escapeHtml } from '../outbox/kind-types';
import { neutraliseFormula } from '../tabular/cell-safety';
import { isoNow } from '../util/clock';
import { calendarFor } from './calendars';
import { factsContext } from './facts';
import { rotationFactsOf } from './rotation-facts';
import { summaryColumns } from './summary-template';
import { candidateRows, viewsFor } from './views';

type Program = 'residency' | 'agp';
type Column = { header: string; field: string; width: number };

export type SummaryRecord = {
  view: ExamCandidateView;
  baseName: string;
  employer: string | null;
  sex: string | null;
  idType: string;
  education: string | null;
  graduation: string | null;
  qualificationCertNo: string | null;
  qualificationExam: string;
  rotationMonths: number | null;
  years: number;
};

export type SummarySheet = {
  title: string;
  /** A readable file name without extension: the title and the base, as the province's inbox sees many bases. */
  fileStem: string;
  columns: Column[];
  rows: Array<Array<string | number | null>>;
  /** Whom the rows list, for registration tracking (汇总表 exported). */
  traineeIds: string[];
  footer: string[];
};

/** Characters a file name cannot carry on Windows, macOS or Linux. */
const fileSafe = (text: string): string =>
  [...text]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '-' : ch))
    .join('')
    .trim();

const FIELDS: Record<string, (r: SummaryRecord, i: number) => string | number | null> = {
  seq: (_r, i) => i + 1,
  baseName: (r) => r.baseName,
  employer: (r) => r.employer,
  name: (r) => r.view.name,
  sex: (r) => r.sex,
  idType: (r) => r.idType,
  idNumber: (r) => r.view.idNumber,
  specialty: (r) => r.view.specialtyName,
  trainingPeriod: (r) => `${r.view.trainingStart} 至 ${r.view.trainingEnd}`,
  education: (r) => r.education,
  graduation: (r) => r.graduation,
  // Not in the registry or the application: left blank for the base to fill in by hand.
  diplomaNo: () => null,
  qualificationMaterial: (r) =>
    r.view.program === 'agp' ? null : r.qualificationCertNo ? '资格证书' : r.qualificationExam === 'pass' ? '成绩单' : null,
  qualificationCode: (r) => (r.view.program === 'agp' ? null : r.qualificationCertNo),
  practiceScope: () => null,
  rotationComplete: (r) => (r.view.checks.find((c) => c.code === 'TRAINING_COMPLETE')?.passed ? '是' : '否'),
  years: (r) => r.years,
  rotationMonths: (r) => r.rotationMonths,
  subjects: (r) => r.view.subjects.map((s) => EXAM_SUBJECT_LABELS[s]).join('、'),
  note: (r) => (r.view.retake ? '补考' : null),
  blank: () => null,
};

export async function summarySheet(tx: Tx, core: Core, year: number, program: Program): Promise<SummarySheet> {
  const { calendar } = await calendarFor(tx, year);
  const base = await requireBase(tx);
  const rows = (await candidateRows(tx, year, { program })).filter((r) => r.c.status === 'approved');
  if (rows.length === 0) {
    throw new AppError(
      'EXAM_SUMMARY_EMPTY',
      `${year} 年没有审核通过的${program === 'agp' ? '助理全科' : '住培'}报考人员，无法生成报名汇总表。`,
    );
  }
  const views = await viewsFor(tx, core, calendar, rows, true);
  const facts = await factsContext(tx, rows.length <= 500 ? rows.map((r) => r.t.id) : undefined);
  const applicantIds = rows.map((r) => r.t.applicant_id).filter((x): x is string => x !== null);
  const applicants = new Map(
    (
      await tx
        .selectFrom('applicants')
        .select(['id', 'highest_education', 'school', 'major', 'graduation_date'])
        .where('id', 'in', applicantIds.concat(['']))
        .execute()
    ).map((a) => [a.id, a]),
  );
  const records: SummaryRecord[] = rows.map((r, i) => {
    const a = r.t.applicant_id ? applicants.get(r.t.applicant_id) : undefined;
    return {
      view: views[i]!,
      baseName: base.name,
      employer: r.t.employer,
      sex: r.t.sex,
      idType: r.t.id_type,
      education: a?.highest_education ?? null,
      graduation: a ? [a.school, a.graduation_date, a.major].filter(Boolean).join(' / ') || null : null,
      qualificationCertNo: r.t.qualification_cert_no,
      qualificationExam: r.t.qualification_exam,
      rotationMonths: rotationFactsOf(facts.rotation, r.t.id)?.months ?? null,
      years: r.t.years,
    };
  });
  const columns: Column[] = await summaryColumns(tx);
  // The notice's own name for the table: 《2024年重庆市住院医师规范化培训结业考核报名汇总表》 (重庆2024 一).
  const title = template.titles[program].replace('{year}', String(year)).replace('{province}', calendar.province);
  return {
    title,
    fileStem: fileSafe(`${title}（${base.name}）`),
    traineeIds: records.map((r) => r.view.traineeId),
    columns,
    rows: records.map((r, i) => columns.map((c) => (FIELDS[c.field] ?? (() => null))(r, i))),
    footer: template.footer,
  };
}

export async function summaryXlsx(sheet: SummarySheet): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'BaseDesk';
  const ws = wb.addWorksheet('报名汇总表', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 },
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  ws.addRow([sheet.title]);
  ws.mergeCells(1, 1, 1, sheet.columns.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow(sheet.columns.map((c) => c.header)).font = { bold: true };
  // Text cells: an ID number in a number cell loses its last digits.
  for (const r of sheet.rows) ws.addRow(r.map((v) => neutraliseFormula(typeof v === 'number' ? v : (v ?? ''))));
  ws.addRow([]);
  ws.addRow(sheet.footer);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function summaryHtml(sheet: SummarySheet): string {
  const head = sheet.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
  const body = sheet.rows
    .map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(v === null ? '' : String(v))}</td>`).join('')}</tr>`)
    .join('\n');
  const footer = sheet.footer.map((f) => `<span>${escapeHtml(f)}</span>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(sheet.title)}</title>
<style>@page{size:A4 landscape;margin:12mm}body{font-family:"SimSun","Songti SC",serif;font-size:10pt}h1{font-size:15pt;text-align:center}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:2px 3px}th{background:#eee}
.sign{display:flex;justify-content:space-between;margin-top:24pt}.sign span{min-width:30%}</style>
</head><body><h1>${escapeHtml(sheet.title)}</h1>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<div class="sign">${footer}</div></body></html>
`;
}

export async function auditExport(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  year: number,
  program: Program,
  sheet: SummarySheet,
  form: string,
): Promise<void> {
  await appendEvent(tx, core, actor.username, {
    action: 'exam.export',
    entity: 'exam_summary',
    entityId: `${year}-${program}`,
    after: { year, program, rows: sheet.rows.length, form, traineeIds: sheet.traineeIds, at: isoNow(core.clock) },
  });
}

import { AppError } from '../../shared/errors';
import { summaryHtml, summarySheet, type SummarySheet } from '../exam/summary';
import { candidateRows, viewsFor } from '../exam/views';
import { calendarFor } from '../exam/calendars';
import { emptyKind, type Collected, type PackageKindDef } from './kind-types';
import { deterministicXlsx } from './xlsx';

const PROGRAMS = ['residency', 'agp'] as const;

async function sheetOrNull(load: () => Promise<SummarySheet>): Promise<SummarySheet | null> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof AppError && e.code === 'EXAM_SUMMARY_EMPTY') return null;
    throw e;
  }
}

/**
 * Completion-exam registrations (结业考核报名) of the base's current year: the candidates it approved, with
 * their checks and online-registration tracking, and the 报名汇总表 per program as XLSX and printable form.
 */
export const examRegistrationsKind: PackageKindDef = {
  kind: 'exam-registrations',
  label: '结业考核报名',
  schemaVersion: 1,
  requiredTables: ['exam_candidates', 'exam_checks', 'exam_registrations'],
  async collect(tx, core, ctx): Promise<Collected> {
    const year = ctx.cohortYear;
    const { calendar } = await calendarFor(tx, year);
    const rows = (await candidateRows(tx, year)).filter((r) => r.c.status === 'approved');
    if (rows.length === 0) throw emptyKind(this, `${year} 年审核通过的结业考核报考人员`);
    const candidates = (await viewsFor(tx, core, calendar, rows, true)).map((v) => ({
      idNumber: v.idNumber,
      name: v.name,
      program: v.program,
      specialtyCode: v.specialtyCode,
      trainingStart: v.trainingStart,
      trainingEnd: v.trainingEnd,
      retake: v.retake,
      subjects: v.subjects,
      status: v.status,
      decidedBy: v.decidedBy,
      decidedAt: v.decidedAt,
      checks: v.checks.map((c) => ({
        code: c.code,
        passed: c.passed,
        message: c.message,
        recordedBy: c.recordedBy,
        recordedAt: c.recordedAt,
      })),
      registrations: v.registrations,
    }));
    const tables: NonNullable<Collected['tables']> = [];
    const forms: NonNullable<Collected['forms']> = [];
    for (const program of PROGRAMS) {
      const sheet = await sheetOrNull(() => summarySheet(tx, core, year, program));
      if (!sheet) continue;
      const columns = sheet.columns.map((c, i) => ({
        header: c.header,
        width: c.width,
        value: (r: SummarySheet['rows'][number]) => r[i] ?? null,
      }));
      tables.push({
        name: `exam-summary-${program}`,
        bytes: await deterministicXlsx('报名汇总表', columns, sheet.rows, ctx.day),
      });
      forms.push({ name: `exam-summary-${program}`, html: summaryHtml(sheet) });
    }
    return { records: { exam_candidates: candidates }, tables, forms };
  },
};

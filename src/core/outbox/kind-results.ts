import { latestRun } from '../admission/service';
import { requireFreshRun } from '../admission/staleness';
import { emptyKind, htmlTable, type Collected, type PackageKindDef } from './kind-types';
import { deterministicXlsx } from './xlsx';

const points = (h: number | null): string | null => (h === null ? null : (h / 100).toFixed(2));
/** Scores in the workbook are number cells (sums and sorting work); the HTML form shows them as text. */
const pointsCell = (h: number | null): number | null => (h === null ? null : h / 100);
const SCORE_FORMAT = '0.00';
const shownScore = (v: string | number | undefined): string | null =>
  v === undefined ? null : typeof v === 'number' ? v.toFixed(2) : v;

/** Examination scores per component (the scores tables), values in hundredths of a point as stored. */
export const scoresKind: PackageKindDef = {
  kind: 'scores',
  label: '考核成绩',
  schemaVersion: 1,
  requiredTables: ['exam_components', 'component_scores', 'applicants'],
  async collect(tx, _core, ctx): Promise<Collected> {
    const components = await tx
      .selectFrom('exam_components')
      .select(['key', 'name', 'max', 'weight', 'position'])
      .where('cohort_year', '=', ctx.cohortYear)
      .orderBy('position')
      .orderBy('key')
      .execute();
    const rows = await tx
      .selectFrom('component_scores')
      .innerJoin('applicants', 'applicants.id', 'component_scores.applicant_id')
      .select([
        'component_scores.applicant_id',
        'applicants.name',
        'applicants.id_type',
        'applicants.id_number',
        'component_scores.component',
        'component_scores.value',
        'component_scores.absent',
        'component_scores.source',
        'component_scores.updated_at',
      ])
      .where('component_scores.cohort_year', '=', ctx.cohortYear)
      .orderBy('component_scores.applicant_id')
      .orderBy('component_scores.component')
      .execute();
    if (rows.length === 0) throw emptyKind(this, `${ctx.cohortYear} 级考核成绩`);
    const scores = rows.map((r) => ({
      applicantId: r.applicant_id,
      name: r.name,
      idType: r.id_type,
      idNumber: r.id_number,
      component: r.component,
      valueHundredths: r.value,
      absent: r.absent === 1,
      source: r.source,
      updatedAt: r.updated_at,
    }));
    const people = new Map<string, { name: string; idNumber: string; values: Map<string, string | number> }>();
    for (const s of scores) {
      const p = people.get(s.applicantId) ?? { name: s.name, idNumber: s.idNumber, values: new Map<string, string | number>() };
      p.values.set(s.component, s.absent ? '缺考' : (pointsCell(s.valueHundredths) ?? ''));
      people.set(s.applicantId, p);
    }
    const keys = components.length > 0 ? components.map((c) => c.key) : [...new Set(scores.map((s) => s.component))].sort();
    const label = (k: string): string => components.find((c) => c.key === k)?.name ?? k;
    const list = [...people.values()];
    const table = await deterministicXlsx(
      '考核成绩',
      [
        { header: '姓名', value: (p: (typeof list)[number]) => p.name },
        { header: '证件号码', width: 22, value: (p) => p.idNumber },
        ...keys.map((k) => ({
          header: label(k),
          numFmt: SCORE_FORMAT,
          value: (p: (typeof list)[number]) => p.values.get(k) ?? null,
        })),
      ],
      list,
      ctx.day,
    );
    const form = htmlTable(
      `${ctx.baseName} ${ctx.cohortYear} 级考核成绩`,
      `基地代码 ${ctx.baseCode}；打包日期 ${ctx.baggingDate}；共 ${list.length} 人`,
      ['序号', '姓名', '证件号码', ...keys.map(label)],
      list.map((p, i) => [i + 1, p.name, p.idNumber, ...keys.map((k) => shownScore(p.values.get(k)))]),
    );
    return {
      records: { components: components.map((c) => ({ ...c })), scores },
      tables: [{ name: 'scores', bytes: table }],
      forms: [{ name: 'scores', html: form }],
    };
  },
};

/** The admitted list of the latest allocation run (the admission tables) and its publication. */
export const admissionsKind: PackageKindDef = {
  kind: 'admissions',
  label: '录取名单',
  schemaVersion: 1,
  requiredTables: ['admissions', 'admission_publications', 'applicants'],
  async collect(tx, _core, ctx): Promise<Collected> {
    // The province must not receive a list that today's plan, scores or decisions no longer give.
    const run = await latestRun(tx, ctx.cohortYear);
    if (run !== null) await requireFreshRun(tx, run, '打包上报');
    const rows = await tx
      .selectFrom('admissions')
      .innerJoin('applicants', 'applicants.id', 'admissions.applicant_id')
      .leftJoin('specialties', 'specialties.code', 'admissions.specialty_code')
      .select([
        'admissions.applicant_id',
        'applicants.name',
        'applicants.id_type',
        'applicants.id_number',
        'applicants.category as applicant_category',
        'admissions.run_id',
        'admissions.specialty_code',
        'specialties.name as specialty_name',
        'admissions.category',
        'admissions.round',
        'admissions.rank',
        'admissions.total',
        'admissions.over_quota',
        'admissions.reason',
      ])
      .where('admissions.cohort_year', '=', ctx.cohortYear)
      .orderBy('admissions.specialty_code')
      .orderBy('admissions.rank')
      .orderBy('admissions.applicant_id')
      .execute();
    if (rows.length === 0) throw emptyKind(this, `${ctx.cohortYear} 级录取结果`);
    const publications = await tx
      .selectFrom('admission_publications')
      .select(['id', 'run_id', 'start_date', 'end_date', 'days', 'note', 'published_at', 'superseded_by_run'])
      .where('cohort_year', '=', ctx.cohortYear)
      .orderBy('published_at')
      .orderBy('id')
      .execute();
    const admissions = rows.map((r) => ({
      applicantId: r.applicant_id,
      name: r.name,
      idType: r.id_type,
      idNumber: r.id_number,
      applicantCategory: r.applicant_category,
      runId: r.run_id,
      specialtyCode: r.specialty_code,
      specialtyName: r.specialty_name,
      category: r.category === '' ? null : r.category,
      round: r.round,
      rank: r.rank,
      totalHundredths: r.total,
      overQuota: r.over_quota === 1,
      reason: r.reason,
    }));
    const table = await deterministicXlsx(
      '录取名单',
      [
        { header: '专业', value: (a: (typeof admissions)[number]) => a.specialtyName ?? a.specialtyCode },
        { header: '类别', value: (a) => a.category },
        { header: '名次', width: 6, value: (a) => a.rank },
        { header: '姓名', value: (a) => a.name },
        { header: '证件号码', width: 22, value: (a) => a.idNumber },
        { header: '总成绩', numFmt: SCORE_FORMAT, value: (a) => pointsCell(a.totalHundredths) },
        { header: '录取轮次', value: (a) => a.round },
      ],
      admissions,
      ctx.day,
    );
    const form = htmlTable(
      `${ctx.baseName} ${ctx.cohortYear} 级录取名单`,
      `基地代码 ${ctx.baseCode}；打包日期 ${ctx.baggingDate}；共 ${admissions.length} 人`,
      ['序号', '专业', '姓名', '证件号码', '总成绩', '录取轮次'],
      admissions.map((a, i) => [
        i + 1,
        a.specialtyName ?? a.specialtyCode,
        a.name,
        a.idNumber,
        points(a.totalHundredths),
        a.round,
      ]),
    );
    return {
      records: {
        admissions,
        publications: publications.map((p) => ({
          id: p.id,
          runId: p.run_id,
          startDate: p.start_date,
          endDate: p.end_date,
          days: p.days,
          note: p.note,
          publishedAt: p.published_at,
          supersededByRun: p.superseded_by_run,
        })),
      },
      tables: [{ name: 'admissions', bytes: table }],
      forms: [{ name: 'admissions', html: form }],
    };
  },
};

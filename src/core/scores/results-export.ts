/**
 * The 考核成绩 list as XLSX: everyone the screen's search and filters match, in its sort order. Scores are
 * number cells with two decimals; ID numbers stay masked (the scores permission does not reveal them).
 */
import type { FileOutput, ResultConfirmation, ResultPageRow } from '../../shared/contract/scores';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { Actor, Core } from '../context';
import { exportWorkbook, fileSafe, type ExportCell } from '../tabular/xlsx-write';
import { loadComponents } from './components';
import { resultPage, type ResultPageInput } from './results-page';

const CONFIRMATION: Record<ResultConfirmation, string> = {
  pending: '待确认',
  confirmed: '确认通过',
  returned: '退回补正',
  rejected: '不予确认',
};
const STATUS: Record<ResultPageRow['status'], string> = { complete: '成绩完整', absent: '缺考', incomplete: '成绩不全' };
const SCORE_FORMAT = '0.00';
const ALL_ROWS = 1_000_000;

const score = (v: number | 'absent' | null | undefined): ExportCell =>
  v === 'absent' ? '缺考' : v === null || v === undefined ? null : v / 100;

export async function exportResults(
  core: Core,
  actor: Actor,
  input: Omit<ResultPageInput, 'limit' | 'offset'>,
): Promise<FileOutput> {
  const base = await requireBase(core.db);
  const year = input.cohortYear ?? base.cohort_year;
  const { components } = await loadComponents(core.db, year);
  const page = await resultPage(core.db, { ...input, cohortYear: year, limit: ALL_ROWS, offset: 0 });
  const rows = page.rows.map((r, i) => [
    i + 1,
    r.name,
    r.idMasked,
    r.specialtyName ?? r.specialty ?? '',
    CONFIRMATION[r.confirmation],
    ...components.map((c) => score(r.components[c.key])),
    r.total === null ? null : r.total / 100,
    STATUS[r.status],
  ]);
  const bytes = await exportWorkbook([
    {
      name: '考核成绩',
      columns: [
        { header: '序号', width: 7 },
        { header: '姓名', width: 10 },
        { header: '身份证号', width: 22 },
        { header: '专业（第一志愿）', width: 16 },
        { header: '现场确认', width: 10 },
        ...components.map((c) => ({ header: `${c.name}成绩`, width: 10, numFmt: SCORE_FORMAT })),
        { header: '总成绩', width: 10, numFmt: SCORE_FORMAT },
        { header: '状态', width: 10 },
      ],
      rows,
    },
  ]);
  await core.db.transaction().execute((tx) =>
    appendEvent(tx, core, actor.username, {
      action: 'scores.export',
      entity: 'scores',
      entityId: String(year),
      after: { count: rows.length, filter: { specialty: input.specialty ?? null, status: input.status ?? null } },
    }),
  );
  return { fileName: fileSafe(`考核成绩-${year}-${base.name}.xlsx`), contentBase64: Buffer.from(bytes).toString('base64') };
}

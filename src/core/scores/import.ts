/**
 * Import of written / skills / interview results from a provincial or base file (姓名, 身份证号, 培训专业,
 * 笔试成绩, 面试成绩, 操作成绩). Rows are matched by ID number only; every doubt is a coded rejection, and
 * any rejection means nothing is written (the report says what to fix). An existing different score is
 * never overwritten unless the caller asks to replace, with a reason.
 */
import type { ImportRejection, ScoreImportReport } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import { loadCatalogue, matchSpecialty } from '../catalogue/catalogue';
import type { Core, Tx } from '../context';
import { validateIdCell } from '../identity';
import { formatHundredths, parseScore } from './rules';
import { findHeaderRow, normalizeText, readTable, type Cell } from '../tabular';
import { isoNow } from '../util/clock';
import { loadComponents } from './components';

/** Column aliases; the first alias names the group. Component columns map to component keys. */
const COLUMNS: Array<{ group: string[]; component?: string }> = [
  { group: ['姓名', '考生姓名'] },
  { group: ['身份证号', '身份证号码', '证件号码', '证件号'] },
  { group: ['培训专业', '报考专业', '专业'] },
  { group: ['笔试成绩', '笔试', '理论成绩', '理论考试成绩'], component: 'written' },
  { group: ['面试成绩', '面试'], component: 'interview' },
  { group: ['操作成绩', '技能成绩', '技能操作成绩', '技能操作'], component: 'skills' },
];

type Change = {
  applicantId: string;
  component: string;
  value: number | null;
  absent: boolean;
  before: { value: number | null; absent: boolean } | null;
  row: number;
};

export type ScoreImportOptions = { replace: boolean; reason?: string | undefined };

type Planned = { report: ScoreImportReport; changes: Change[] };

async function plan(tx: Tx, file: { fileName: string; bytes: Uint8Array }, opts: ScoreImportOptions): Promise<Planned> {
  const base = await requireBase(tx);
  const { components } = await loadComponents(tx, base.cohort_year);
  const table = await readTable(file);
  const sheet = table.sheets[0];
  const header = sheet
    ? findHeaderRow(
        sheet,
        COLUMNS.map((c) => c.group),
      )
    : null;
  if (!sheet || !header || !header.columns.has('身份证号')) {
    throw new AppError(
      'SCORE_FILE_HEADER',
      `文件“${file.fileName}”中找不到表头：至少需要“身份证号”和一列成绩（笔试成绩 / 面试成绩 / 操作成绩）。`,
    );
  }
  const compCols: Array<{ key: string; label: string; col: number }> = [];
  for (const c of COLUMNS) {
    if (!c.component) continue;
    const col = header.columns.get(c.group[0]!);
    if (col !== undefined) compCols.push({ key: c.component, label: c.group[0]!, col });
  }
  if (compCols.length === 0)
    throw new AppError('SCORE_FILE_HEADER', `文件“${file.fileName}”中没有成绩列（笔试成绩 / 面试成绩 / 操作成绩）。`);

  const rejected: ImportRejection[] = [];
  const reject = (row: number, field: string, code: string, message: string) => rejected.push({ row, field, code, message });
  const nameCol = header.columns.get('姓名');
  const idCol = header.columns.get('身份证号')!;
  const specCol = header.columns.get('培训专业');
  const catalogue = specCol !== undefined ? await loadCatalogue(tx) : null;

  const applicants = await tx
    .selectFrom('applicants')
    .select(['id', 'id_number', 'name', 'choices_json'])
    .where('cohort_year', '=', base.cohort_year)
    .execute();
  const byIdNumber = new Map(applicants.map((a) => [a.id_number, a]));
  const existing = await tx.selectFrom('component_scores').selectAll().where('cohort_year', '=', base.cohort_year).execute();
  const current = new Map(existing.map((e) => [`${e.applicant_id}/${e.component}`, e]));

  // Duplicates first: two rows for one person cannot both be right, so neither is used.
  const rowsById = new Map<string, number[]>();
  const cell = (r: Cell[], c: number | undefined): Cell =>
    c === undefined ? { text: '', type: 'empty' } : (r[c] ?? { text: '', type: 'empty' });
  for (let r = header.rowIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (row.every((c) => c.text.trim() === '')) continue;
    const id = validateIdCell(cell(row, idCol));
    if (id.ok) rowsById.set(id.value, [...(rowsById.get(id.value) ?? []), r + 1]);
  }

  const changes: Change[] = [];
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  for (let r = header.rowIndex + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    const rowNo = r + 1;
    if (row.every((c) => c.text.trim() === '')) continue;
    const id = validateIdCell(cell(row, idCol));
    if (!id.ok) {
      reject(rowNo, '身份证号', id.code, id.message);
      continue;
    }
    const dup = rowsById.get(id.value)!;
    if (dup.length > 1) {
      reject(
        rowNo,
        '身份证号',
        'DUPLICATE_ID',
        `身份证号 ${maskIdNumber(id.value)} 在文件中出现 ${dup.length} 次（第 ${dup.join('、')} 行），请删除重复行后再导入。`,
      );
      continue;
    }
    const a = byIdNumber.get(id.value);
    if (!a) {
      reject(
        rowNo,
        '身份证号',
        'UNKNOWN_ID',
        `身份证号 ${maskIdNumber(id.value)} 不在本年度报名名单中：请核对号码，或先导入该考生的报名信息。`,
      );
      continue;
    }
    const name = normalizeText(cell(row, nameCol).text).replace(/\s+/g, '');
    if (nameCol !== undefined && name !== '' && name !== a.name.replace(/\s+/g, '')) {
      reject(
        rowNo,
        '姓名',
        'NAME_MISMATCH',
        `第 ${rowNo} 行姓名「${name}」与报名信息中该身份证号的姓名「${a.name}」不一致，请核对是否串行。`,
      );
      continue;
    }
    const spec = normalizeText(cell(row, specCol).text).trim();
    if (catalogue && spec !== '') {
      const s = matchSpecialty(catalogue, spec);
      const choices = JSON.parse(a.choices_json) as string[];
      if (!s || (choices.length > 0 && !choices.includes(s.code))) {
        reject(rowNo, '培训专业', 'SPECIALTY_MISMATCH', `第 ${rowNo} 行培训专业「${spec}」与该考生报名的专业不一致，请核对。`);
        continue;
      }
    }
    let rowOk = true;
    const rowChanges: Change[] = [];
    let rowUnchanged = 0;
    for (const cc of compCols) {
      const c = cell(row, cc.col);
      if (c.text.trim() === '' && c.type !== 'number') continue; // no score for this component in this file
      const comp = components.find((x) => x.key === cc.key);
      if (!comp) {
        reject(
          rowNo,
          cc.label,
          'COMPONENT_NOT_CONFIGURED',
          `本年度考核项目中没有「${cc.label.replace('成绩', '')}」，该列不能导入；如需要，请先在考核项目中添加。`,
        );
        rowOk = false;
        continue;
      }
      const p = parseScore(c.type === 'number' && c.number !== undefined ? c.number : c.text, comp.max);
      if (!p.ok) {
        reject(rowNo, cc.label, p.code, `第 ${rowNo} 行${cc.label}：${p.message}`);
        rowOk = false;
        continue;
      }
      const value = p.absent ? null : p.value;
      const before = current.get(`${a.id}/${cc.key}`);
      const beforeV = before ? { value: before.value, absent: before.absent === 1 } : null;
      if (beforeV && beforeV.value === value && beforeV.absent === p.absent) {
        rowUnchanged += 1;
        continue;
      }
      if (beforeV && !opts.replace) {
        const shown = beforeV.absent ? '缺考' : formatHundredths(beforeV.value ?? 0);
        reject(
          rowNo,
          cc.label,
          'SCORE_CONFLICT',
          `第 ${rowNo} 行${cc.label}「${c.text.trim()}」与已有成绩 ${shown} 不同：如确需更正，请选择“替换已有成绩”并填写原因。`,
        );
        rowOk = false;
        continue;
      }
      rowChanges.push({ applicantId: a.id, component: cc.key, value, absent: p.absent, before: beforeV, row: rowNo });
    }
    if (!rowOk) continue;
    if (rowChanges.length === 0) {
      if (rowUnchanged > 0) unchanged += 1;
      continue;
    }
    if (rowChanges.some((c) => c.before !== null)) updated += 1;
    else imported += 1;
    changes.push(...rowChanges);
  }
  if (opts.replace && changes.some((c) => c.before !== null) && !opts.reason) {
    throw new AppError('REASON_REQUIRED', '替换已有成绩必须填写原因。');
  }
  return { report: { imported, updated, unchanged, rejected, applied: false }, changes };
}

export async function previewScoreImport(
  core: Core,
  file: { fileName: string; bytes: Uint8Array },
  opts: ScoreImportOptions,
): Promise<ScoreImportReport> {
  return (await plan(core.db, file, opts)).report;
}

export async function commitScoreImport(
  core: Core,
  actor: string,
  file: { fileName: string; bytes: Uint8Array },
  opts: ScoreImportOptions,
): Promise<ScoreImportReport> {
  return core.db.transaction().execute(async (tx) => {
    const { report, changes } = await plan(tx, file, opts);
    if (report.rejected.length > 0) return report;
    const base = await requireBase(tx);
    const now = isoNow(core.clock);
    for (const c of changes) {
      const e = await appendEvent(tx, core, actor, {
        action: 'scores.set',
        entity: 'component_score',
        entityId: `${c.applicantId}/${c.component}`,
        ...(c.before ? { before: { ...c.before, source: 'import' } } : {}),
        after: { value: c.value, absent: c.absent, source: 'import', file: file.fileName, row: c.row },
        reason: c.before ? (opts.reason ?? null) : null,
      });
      await tx
        .insertInto('component_scores')
        .values({
          applicant_id: c.applicantId,
          component: c.component,
          cohort_year: base.cohort_year,
          value: c.value,
          absent: c.absent ? 1 : 0,
          source: 'import',
          event_id: e.id,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['applicant_id', 'component'])
            .doUpdateSet({ value: c.value, absent: c.absent ? 1 : 0, source: 'import', event_id: e.id, updated_at: now }),
        )
        .execute();
    }
    return { ...report, applied: true };
  });
}

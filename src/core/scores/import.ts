/**
 * Import of written / skills / interview results from a provincial or base file (姓名, 身份证号, 培训专业,
 * 笔试成绩, 面试成绩, 操作成绩). Rows are matched by ID number only; every doubt is a coded rejection, and
 * any rejection means nothing is written (the report says what to fix). An existing different score is
 * never overwritten unless the caller asks to replace, with a reason.
 */
import type { ImportRejection, ScoreImportReport } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { requireBase } from '../base/base';
import { loadCatalogue, matchSpecialty, type CatalogueIndex } from '../catalogue/catalogue';
import type { Actor, Core, Tx } from '../context';
import { validateIdCell, type Checked, type IdCode } from '../identity';
import { formatHundredths, parseScore, type Component } from './rules';
import { findHeaderRow, normalizeText, readTable, type Cell, type Sheet } from '../tabular';
import { isoNow } from '../util/clock';
import { parseJsonAs, stringList } from '../util/json';
import { loadComponents } from './components';
import { writeScoreChanges, type ScoreWrite } from './import-writes';

/** Column aliases; the first alias names the group. Component columns map to component keys. */
const COLUMNS: Array<{ group: string[]; component?: string }> = [
  { group: ['姓名', '考生姓名'] },
  { group: ['身份证号', '身份证号码', '证件号码', '证件号'] },
  { group: ['培训专业', '报考专业', '专业'] },
  { group: ['笔试成绩', '笔试', '理论成绩', '理论考试成绩'], component: 'written' },
  { group: ['面试成绩', '面试'], component: 'interview' },
  { group: ['操作成绩', '技能成绩', '技能操作成绩', '技能操作'], component: 'skills' },
];

type Change = ScoreWrite;

export type ScoreImportOptions = { replace: boolean; reason?: string | undefined };

type Planned = { report: ScoreImportReport; changes: Change[] };

type ScoreFile = { fileName: string; bytes: Uint8Array };
type Reject = (row: number, field: string, code: string, message: string) => void;
type ComponentColumn = { key: string; label: string; col: number };
type Layout = { sheet: Sheet; first: number; nameCol?: number; idCol: number; specCol?: number; compCols: ComponentColumn[] };
type KnownApplicant = { id: string; id_number: string; name: string; choices_json: string };

/** What the rows are checked against: this year's applicants, components, scores and (maybe) catalogue. */
type Known = {
  byIdNumber: Map<string, KnownApplicant>;
  current: Map<string, { value: number | null; absent: number }>;
  catalogue: CatalogueIndex | null;
  /** Each row's ID cell, checked once (undefined for a blank row). */
  ids: Array<Checked<string, IdCode> | undefined>;
  /** File rows (1-based) per valid ID number: two rows for one person cannot both be right. */
  rowsById: Map<string, number[]>;
  /** The configured component of each score column (undefined when this cohort has none of that key). */
  columnComponents: Array<Component | undefined>;
};

const EMPTY: Cell = { text: '', type: 'empty' };
const cellAt = (r: Cell[], c: number | undefined): Cell => (c === undefined ? EMPTY : (r[c] ?? EMPTY));
const isBlank = (row: Cell[]) => row.every((c) => c.text.trim() === '');
const hasScore = (c: Cell) => c.text.trim() !== '' || c.type === 'number';

/** Today's local date, as the ID check takes it: once per file, not once per row. */
function localToday(): string {
  const t = new Date();
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

async function plan(tx: Tx, file: ScoreFile, opts: ScoreImportOptions): Promise<Planned> {
  const layout = await readLayout(file);
  const known = await loadKnown(tx, layout);
  const rejected: ImportRejection[] = [];
  const reject: Reject = (row, field, code, message) => rejected.push({ row, field, code, message });
  const changes: Change[] = [];
  const counts = { imported: 0, updated: 0, unchanged: 0 };
  rejected.push(...unconfiguredColumns(layout, known));
  for (let r = layout.first; r < layout.sheet.rows.length; r++) {
    const id = known.ids[r];
    if (id === undefined) continue; // a blank row
    const row = layout.sheet.rows[r]!;
    const a = matchRow(row, r + 1, id, layout, known, reject);
    if (a === null) continue;
    const planned = rowChanges(row, r + 1, a.id, layout, known, opts, reject);
    if (planned === null) continue;
    if (planned.changes.length === 0) {
      if (planned.unchanged > 0) counts.unchanged += 1;
      continue;
    }
    if (planned.changes.some((c) => c.before !== null)) counts.updated += 1;
    else counts.imported += 1;
    changes.push(...planned.changes);
  }
  if (opts.replace && changes.some((c) => c.before !== null) && !opts.reason) {
    throw new AppError('REASON_REQUIRED', '替换已有成绩必须填写原因。');
  }
  return { report: { ...counts, rejected, applied: false }, changes };
}

/**
 * Score columns of a component this year does not have (操作成绩 where the preset has no skills test) that
 * hold scores: one problem per column, at its header, saying how many scores it holds. The same sentence on
 * every row of a 5,000-row file said nothing more and buried any other problem. An empty column of that kind
 * loses nothing and is passed over, as before.
 */
function unconfiguredColumns(layout: Layout, known: Known): ImportRejection[] {
  const problems: ImportRejection[] = [];
  layout.compCols.forEach((cc, i) => {
    if (known.columnComponents[i] !== undefined) return;
    let scores = 0;
    for (let r = layout.first; r < layout.sheet.rows.length; r++)
      if (hasScore(cellAt(layout.sheet.rows[r]!, cc.col))) scores += 1;
    if (scores === 0) return;
    problems.push({
      row: layout.first,
      field: cc.label,
      code: 'COMPONENT_NOT_CONFIGURED',
      message: `第 ${layout.first} 行（表头）“${cc.label}”列有 ${scores} 个成绩，但本年度考核项目中没有「${cc.label.replace('成绩', '')}」，这些成绩不能导入：如需要，请先在考核项目中添加该项；否则请从文件中删去这一列。未写入任何成绩。`,
    });
  });
  return problems;
}

async function readLayout(file: ScoreFile): Promise<Layout> {
  const table = await readTable(file);
  const sheet = table.sheets[0];
  const header = sheet
    ? findHeaderRow(
        sheet,
        COLUMNS.map((c) => c.group),
      )
    : null;
  const idCol = header?.columns.get('身份证号');
  if (!sheet || !header || idCol === undefined) {
    throw new AppError(
      'SCORE_FILE_HEADER',
      `文件“${file.fileName}”中找不到表头：至少需要“身份证号”和一列成绩（笔试成绩 / 面试成绩 / 操作成绩）。`,
    );
  }
  const compCols: ComponentColumn[] = [];
  for (const c of COLUMNS) {
    if (!c.component) continue;
    const col = header.columns.get(c.group[0]!);
    if (col !== undefined) compCols.push({ key: c.component, label: c.group[0]!, col });
  }
  if (compCols.length === 0)
    throw new AppError('SCORE_FILE_HEADER', `文件“${file.fileName}”中没有成绩列（笔试成绩 / 面试成绩 / 操作成绩）。`);
  const nameCol = header.columns.get('姓名');
  const specCol = header.columns.get('培训专业');
  return {
    sheet,
    first: header.rowIndex + 1,
    idCol,
    compCols,
    ...(nameCol !== undefined ? { nameCol } : {}),
    ...(specCol !== undefined ? { specCol } : {}),
  };
}

async function loadKnown(tx: Tx, layout: Layout): Promise<Known> {
  const base = await requireBase(tx);
  const { components } = await loadComponents(tx, base.cohort_year);
  const catalogue = layout.specCol !== undefined ? await loadCatalogue(tx) : null;
  const applicants = await tx
    .selectFrom('applicants')
    .select(['id', 'id_number', 'name', 'choices_json'])
    .where('cohort_year', '=', base.cohort_year)
    .execute();
  // Only what a row is compared with: a second file of the year reads every score stored by the first.
  const existing = await tx
    .selectFrom('component_scores')
    .select(['applicant_id', 'component', 'value', 'absent'])
    .where('cohort_year', '=', base.cohort_year)
    .execute();
  const ids = new Array<Checked<string, IdCode> | undefined>(layout.sheet.rows.length);
  const rowsById = new Map<string, number[]>();
  const today = localToday();
  for (let r = layout.first; r < layout.sheet.rows.length; r++) {
    const row = layout.sheet.rows[r]!;
    if (isBlank(row)) continue;
    const id = validateIdCell(cellAt(row, layout.idCol), '居民身份证', { today });
    ids[r] = id;
    if (!id.ok) continue;
    const rows = rowsById.get(id.value);
    if (rows === undefined) rowsById.set(id.value, [r + 1]);
    else rows.push(r + 1);
  }
  return {
    byIdNumber: new Map(applicants.map((a) => [a.id_number, a])),
    current: new Map(existing.map((e) => [`${e.applicant_id}/${e.component}`, e])),
    catalogue,
    ids,
    rowsById,
    columnComponents: layout.compCols.map((cc) => components.find((x) => x.key === cc.key)),
  };
}

/** The applicant a row is about, or null (rejected) when its ID, name or specialty does not fit. */
function matchRow(
  row: Cell[],
  rowNo: number,
  id: Checked<string, IdCode>,
  layout: Layout,
  known: Known,
  reject: Reject,
): KnownApplicant | null {
  if (!id.ok) {
    reject(rowNo, '身份证号', id.code, id.message);
    return null;
  }
  const dup = known.rowsById.get(id.value)!;
  if (dup.length > 1) {
    reject(
      rowNo,
      '身份证号',
      'DUPLICATE_ID',
      `身份证号 ${maskIdNumber(id.value)} 在文件中出现 ${dup.length} 次（第 ${dup.join('、')} 行），请删除重复行后再导入。`,
    );
    return null;
  }
  const a = known.byIdNumber.get(id.value);
  if (!a) {
    reject(
      rowNo,
      '身份证号',
      'UNKNOWN_ID',
      `身份证号 ${maskIdNumber(id.value)} 不在本年度报名名单中：请核对号码，或先导入该考生的报名信息。`,
    );
    return null;
  }
  const name = normalizeText(cellAt(row, layout.nameCol).text).replace(/\s+/g, '');
  if (layout.nameCol !== undefined && name !== '' && name !== a.name.replace(/\s+/g, '')) {
    reject(
      rowNo,
      '姓名',
      'NAME_MISMATCH',
      `第 ${rowNo} 行姓名「${name}」与报名信息中该身份证号的姓名「${a.name}」不一致，请核对是否串行。`,
    );
    return null;
  }
  const spec = normalizeText(cellAt(row, layout.specCol).text).trim();
  if (known.catalogue && spec !== '' && !choseSpecialty(known.catalogue, a, spec)) {
    reject(rowNo, '培训专业', 'SPECIALTY_MISMATCH', `第 ${rowNo} 行培训专业「${spec}」与该考生报名的专业不一致，请核对。`);
    return null;
  }
  return a;
}

function choseSpecialty(catalogue: CatalogueIndex, a: KnownApplicant, spec: string): boolean {
  const s = matchSpecialty(catalogue, spec);
  const choices = parseJsonAs(stringList, a.choices_json, 'applicants.choices_json');
  return s !== null && (choices.length === 0 || choices.includes(s.code));
}

/** The score changes one row asks for, or null (rejected) when any of its scores cannot be taken. */
function rowChanges(
  row: Cell[],
  rowNo: number,
  applicantId: string,
  layout: Layout,
  known: Known,
  opts: ScoreImportOptions,
  reject: Reject,
): { changes: Change[]; unchanged: number } | null {
  let rowOk = true;
  const changes: Change[] = [];
  let unchanged = 0;
  for (let i = 0; i < layout.compCols.length; i++) {
    const cc = layout.compCols[i]!;
    const c = cellAt(row, cc.col);
    if (!hasScore(c)) continue; // no score for this component in this file
    const comp = known.columnComponents[i];
    if (comp === undefined) continue; // the column is reported once (unconfiguredColumns)
    const change = componentChange(c, cc, comp, rowNo, applicantId, known, opts, reject);
    if (change === 'rejected') rowOk = false;
    else if (change === 'unchanged') unchanged += 1;
    else changes.push(change);
  }
  return rowOk ? { changes, unchanged } : null;
}

function componentChange(
  c: Cell,
  cc: ComponentColumn,
  comp: Component,
  rowNo: number,
  applicantId: string,
  known: Known,
  opts: ScoreImportOptions,
  reject: Reject,
): Change | 'unchanged' | 'rejected' {
  const p = parseScore(c.type === 'number' && c.number !== undefined ? c.number : c.text, comp.max);
  if (!p.ok) {
    reject(rowNo, cc.label, p.code, `第 ${rowNo} 行${cc.label}：${p.message}`);
    return 'rejected';
  }
  const value = p.absent ? null : p.value;
  const before = known.current.get(`${applicantId}/${cc.key}`);
  const beforeV = before ? { value: before.value, absent: before.absent === 1 } : null;
  if (beforeV && beforeV.value === value && beforeV.absent === p.absent) return 'unchanged';
  if (beforeV && !opts.replace) {
    const shown = beforeV.absent ? '缺考' : formatHundredths(beforeV.value ?? 0);
    reject(
      rowNo,
      cc.label,
      'SCORE_CONFLICT',
      `第 ${rowNo} 行${cc.label}「${c.text.trim()}」与已有成绩 ${shown} 不同：如确需更正，请选择“替换已有成绩”并填写原因。`,
    );
    return 'rejected';
  }
  return { applicantId, component: cc.key, value, absent: p.absent, before: beforeV, row: rowNo };
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
  actor: Actor,
  file: { fileName: string; bytes: Uint8Array },
  opts: ScoreImportOptions,
): Promise<ScoreImportReport> {
  return core.db.transaction().execute(async (tx) => {
    const { report, changes } = await plan(tx, file, opts);
    if (report.rejected.length > 0) return report;
    const base = await requireBase(tx);
    await writeScoreChanges(tx, core, actor.username, changes, {
      fileName: file.fileName,
      reason: opts.reason ?? null,
      cohortYear: base.cohort_year,
      now: isoNow(core.clock),
    });
    return { ...report, applied: true };
  });
}

/**
 * Reads a recruitment plan from a spreadsheet in any of the shapes provinces publish:
 * - matrix (吉林 附件2): specialty rows x base columns, "/" = no seats, totals row/column ignored;
 * - list (重庆 附件2): one row per base with its quota, for a single-program plan;
 * - table: 专业代码/专业名称, 人员类别, 计划人数.
 * Pure: takes the parsed table and the catalogue, returns rows plus every problem found. Nothing is dropped
 * silently: unknown names are returned for mapping, bad numbers and duplicates as coded problems.
 */
import type { PlanPreview, PlanPreviewRow, PlanProblem } from '../../shared/contract/plan';
import { AppError } from '../../shared/errors';
import type { Preset } from '../../shared/preset';
import { matchSpecialty, normalizeSpecialtyName, type CatalogueIndex } from '../catalogue/catalogue';
import type { Cell, Sheet, Table } from '../tabular';

type Options = {
  baseName: string;
  baseColumn?: string;
  catalogue: CatalogueIndex;
  preset: Preset;
  /** name (as written in the file) -> catalogue code, chosen by the user for unknown names. */
  mappings?: Record<string, string>;
  /** Names the user chose to add as local specialties (preview only: commit adds them first). */
  newNames?: ReadonlySet<string>;
};

type Parsed = Omit<PlanPreview, 'fileName' | 'encoding' | 'diff'>;

const POOL_NAMES = new Set(['其他', '其它', '其他专业']);
const TOTAL_NAMES = new Set(['合计', '总计', '小计', '总数', '合计人数']);
const NONE_VALUES = new Set(['', '/', '／', '-', '—', '－', '无', '\\']);

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*：:]$/, '');
const text = (c: Cell | undefined) => (c ? c.text.normalize('NFKC').trim() : '');

const SPECIALTY_HEADERS = ['培训专业', '专业', '专业名称', '招收专业', '专业基地'];
const CODE_HEADERS = ['专业代码', '代码'];
const CATEGORY_HEADERS = ['人员类别', '类别', '人员类型', '招收类别'];
const QUOTA_HEADERS = ['计划人数', '计划', '招收计划', '名额', '招收人数', '计划数'];
const BASE_HEADERS = ['培训基地', '基地', '基地名称', '培训基地名称'];

function findIndex(header: string[], names: string[]): number {
  return header.findIndex((h) => names.includes(h));
}

function parseQuota(raw: string, row: number, problems: PlanProblem[], label: string): number | null {
  const t = raw.normalize('NFKC').trim();
  if (NONE_VALUES.has(t)) return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) {
    problems.push({ row, code: 'PLAN_QUOTA_NOT_NUMBER', message: `第 ${row} 行 ${label}：计划人数“${t}”不是数字。` });
    return null;
  }
  const n = Number(t);
  if (n < 0) {
    problems.push({ row, code: 'PLAN_QUOTA_NEGATIVE', message: `第 ${row} 行 ${label}：计划人数不能为负数（${t}）。` });
    return null;
  }
  if (!Number.isInteger(n)) {
    problems.push({ row, code: 'PLAN_QUOTA_NOT_INTEGER', message: `第 ${row} 行 ${label}：计划人数必须是整数（${t}）。` });
    return null;
  }
  return n;
}

type Locate = { sheet: Sheet; headerRow: number; header: string[] };

function locateHeader(table: Table): Locate {
  for (const sheet of table.sheets) {
    for (let r = 0; r < Math.min(sheet.rows.length, 20); r++) {
      const header = (sheet.rows[r] ?? []).map((c) => norm(c.text));
      const hasSpecialty = findIndex(header, [...SPECIALTY_HEADERS, ...CODE_HEADERS]) >= 0;
      const hasBase = findIndex(header, BASE_HEADERS) >= 0;
      const hasQuota = findIndex(header, QUOTA_HEADERS) >= 0;
      if ((hasSpecialty && (hasQuota || header.filter(Boolean).length >= 3)) || (hasBase && hasQuota)) {
        return { sheet, headerRow: r, header };
      }
    }
  }
  throw new AppError(
    'PLAN_NO_HEADER',
    '没有找到招收计划的表头。支持三种格式：① 专业 × 基地矩阵（首列“培训专业”）；② 基地名单（“培训基地”“计划人数”）；③ “专业代码/专业名称、人员类别、计划人数”表。',
  );
}

export function parsePlan(table: Table, opts: Options): Parsed {
  const { sheet, headerRow, header } = locateHeader(table);
  const quotaCol = findIndex(header, QUOTA_HEADERS);
  const baseCol = findIndex(header, BASE_HEADERS);
  const specialtyCol = findIndex(header, SPECIALTY_HEADERS);
  const codeCol = findIndex(header, CODE_HEADERS);
  if (baseCol >= 0 && quotaCol >= 0 && specialtyCol < 0 && codeCol < 0)
    return parseList(sheet, headerRow, baseCol, quotaCol, opts);
  if (quotaCol >= 0) return parseTable(sheet, headerRow, header, quotaCol, opts);
  return parseMatrix(sheet, headerRow, header, Math.max(specialtyCol, 0), opts);
}

function chooseColumn(candidates: string[], opts: Options, what: string): string {
  const wanted = opts.baseColumn ? norm(opts.baseColumn) : null;
  if (wanted) {
    const hit = candidates.find((c) => norm(c) === wanted);
    if (!hit) {
      throw new AppError(
        'PLAN_BASE_COLUMN_UNKNOWN',
        `文件中没有名为“${opts.baseColumn}”的${what}。可选：${candidates.join('、')}`,
        {
          baseColumns: candidates,
        },
      );
    }
    return hit;
  }
  const byName = candidates.find((c) => norm(c) === norm(opts.baseName));
  if (byName) return byName;
  if (candidates.length === 1) return candidates[0]!;
  throw new AppError(
    'PLAN_BASE_COLUMN_REQUIRED',
    `文件包含多个基地，且没有一个与本基地名称“${opts.baseName}”一致。请选择本基地对应的${what}（命令行用 --base-column）。`,
    { baseColumns: candidates },
  );
}

function resolveSpecialty(
  name: string,
  row: number,
  opts: Options,
  unknown: Map<string, number[]>,
): { code: string | null; name: string; unallocated: boolean } | null {
  if (POOL_NAMES.has(norm(name))) return { code: null, name: '其他（待分配）', unallocated: true };
  if (opts.newNames?.has(name)) return { code: null, name, unallocated: false };
  const mapped = opts.mappings?.[name] ?? opts.mappings?.[norm(name)];
  const hit = mapped ? (opts.catalogue.byCode.get(mapped) ?? null) : matchSpecialty(opts.catalogue, name);
  if (!hit) {
    unknown.set(name, [...(unknown.get(name) ?? []), row]);
    return null;
  }
  return { code: hit.code, name: hit.name, unallocated: false };
}

function finish(
  shape: Parsed['shape'],
  baseColumn: string | null,
  baseColumns: string[],
  rows: PlanPreviewRow[],
  unknown: Map<string, number[]>,
  problems: PlanProblem[],
): Parsed {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.specialtyCode ?? (r.unallocated ? '(pool)' : `new:${r.specialtyName}`)}|${r.category ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: r.sourceRow,
        code: 'PLAN_DUPLICATE_ROW',
        message: `第 ${r.sourceRow} 行与第 ${first} 行重复：${r.specialtyName}${r.category ? `（${r.category}）` : ''} 出现了两次。请合并后再导入。`,
      });
    } else seen.set(key, r.sourceRow);
  }
  if (rows.length === 0 && unknown.size === 0 && problems.length === 0) {
    problems.push({ row: null, code: 'PLAN_EMPTY', message: '文件中没有任何计划人数（本基地对应的列或行为空）。' });
  }
  return {
    shape,
    baseColumn,
    baseColumns,
    rows,
    total: rows.reduce((s, r) => s + r.quota, 0),
    unknownSpecialties: [...unknown].map(([name, where]) => ({ name, rows: where })),
    problems,
  };
}

function parseMatrix(sheet: Sheet, headerRow: number, header: string[], specialtyCol: number, opts: Options): Parsed {
  const columns = header
    .map((h, i) => ({ h: text(sheet.rows[headerRow]![i]), n: h, i }))
    .filter((c) => c.i !== specialtyCol && c.n !== '' && !TOTAL_NAMES.has(c.n) && c.n !== '序号');
  const chosen = chooseColumn(
    columns.map((c) => c.h),
    opts,
    '基地列',
  );
  const col = columns.find((c) => c.h === chosen)!.i;
  const rows: PlanPreviewRow[] = [];
  const problems: PlanProblem[] = [];
  const unknown = new Map<string, number[]>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const name = text(cells[specialtyCol]);
    if (!name || TOTAL_NAMES.has(norm(name))) continue;
    const rowNo = r + 1;
    const quota = parseQuota(text(cells[col]), rowNo, problems, name);
    if (quota === null || quota === 0) continue;
    const sp = resolveSpecialty(name, rowNo, opts, unknown);
    if (!sp) continue;
    rows.push({
      sourceRow: rowNo,
      specialtyName: sp.name,
      specialtyCode: sp.code,
      category: null,
      quota,
      unallocated: sp.unallocated,
    });
  }
  return finish(
    'matrix',
    chosen,
    columns.map((c) => c.h),
    rows,
    unknown,
    problems,
  );
}

function parseList(sheet: Sheet, headerRow: number, baseCol: number, quotaCol: number, opts: Options): Parsed {
  const bases: Array<{ name: string; row: number }> = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const name = text(sheet.rows[r]?.[baseCol]);
    const first = text(sheet.rows[r]?.[0]);
    if (!name || TOTAL_NAMES.has(norm(name)) || TOTAL_NAMES.has(norm(first))) continue;
    bases.push({ name, row: r });
  }
  const chosen = chooseColumn(
    bases.map((b) => b.name),
    opts,
    '基地（行）',
  );
  const hit = bases.find((b) => b.name === chosen)!;
  // A per-base list is a single-program plan: every seat goes to the program's own specialty.
  const specialty = opts.preset.extraSpecialties[0] ?? null;
  if (!specialty || !opts.preset.programs.includes('agp')) {
    throw new AppError(
      'PLAN_LIST_NEEDS_PROGRAM',
      '按基地列出的计划表没有专业列，只适用于单一培训项目（如助理全科）的省份预设。请使用含“专业”列的计划表。',
    );
  }
  const problems: PlanProblem[] = [];
  const unknown = new Map<string, number[]>();
  const rows: PlanPreviewRow[] = [];
  const rowNo = hit.row + 1;
  const quota = parseQuota(text(sheet.rows[hit.row]?.[quotaCol]), rowNo, problems, hit.name);
  if (quota !== null && quota > 0) {
    const sp = resolveSpecialty(specialty.name, rowNo, opts, unknown);
    if (sp)
      rows.push({ sourceRow: rowNo, specialtyName: sp.name, specialtyCode: sp.code, category: null, quota, unallocated: false });
  }
  return finish(
    'list',
    chosen,
    bases.map((b) => b.name),
    rows,
    unknown,
    problems,
  );
}

function parseTable(sheet: Sheet, headerRow: number, header: string[], quotaCol: number, opts: Options): Parsed {
  const nameCol = findIndex(header, SPECIALTY_HEADERS);
  const codeCol = findIndex(header, CODE_HEADERS);
  const categoryCol = findIndex(header, CATEGORY_HEADERS);
  const categories = opts.preset.categories;
  const rows: PlanPreviewRow[] = [];
  const problems: PlanProblem[] = [];
  const unknown = new Map<string, number[]>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const name = nameCol >= 0 ? text(cells[nameCol]) : '';
    const code = codeCol >= 0 ? text(cells[codeCol]) : '';
    if (!name && !code) continue;
    if (TOTAL_NAMES.has(norm(name)) || TOTAL_NAMES.has(norm(code))) continue;
    const rowNo = r + 1;
    const label = name || code;
    const quota = parseQuota(text(cells[quotaCol]), rowNo, problems, label);
    let category: string | null = null;
    if (categoryCol >= 0) {
      const raw = text(cells[categoryCol]);
      if (raw) {
        const cat = categories.find((c) => norm(c.code) === norm(raw) || norm(c.name) === norm(raw));
        if (!cat) {
          problems.push({
            row: rowNo,
            code: 'PLAN_UNKNOWN_CATEGORY',
            message: `第 ${rowNo} 行：人员类别“${raw}”不在本省预设中（可选：${categories.map((c) => c.name).join('、')}）。`,
          });
          continue;
        }
        category = cat.code;
      }
    }
    if (quota === null) continue;
    let sp: ReturnType<typeof resolveSpecialty>;
    if (code && opts.catalogue.byCode.has(code)) {
      const s = opts.catalogue.byCode.get(code)!;
      if (name && normalizeSpecialtyName(name) !== normalizeSpecialtyName(s.name) && !matchSpecialty(opts.catalogue, name)) {
        problems.push({
          row: rowNo,
          code: 'PLAN_CODE_NAME_MISMATCH',
          message: `第 ${rowNo} 行：专业代码 ${code} 对应“${s.name}”，与填写的名称“${name}”不一致，请核对。`,
        });
        continue;
      }
      sp = { code: s.code, name: s.name, unallocated: false };
    } else {
      sp = resolveSpecialty(name || code, rowNo, opts, unknown);
    }
    if (!sp) continue;
    rows.push({ sourceRow: rowNo, specialtyName: sp.name, specialtyCode: sp.code, category, quota, unallocated: sp.unallocated });
  }
  if (opts.preset.quotasByCategory && categoryCol < 0) {
    problems.push({
      row: headerRow + 1,
      code: 'PLAN_CATEGORY_REQUIRED',
      message: `${opts.preset.province}按人员类别分配名额，计划表需要“人员类别”列（${categories.map((c) => c.name).join('、')}）。`,
    });
  }
  return finish('table', null, [], rows, unknown, problems);
}

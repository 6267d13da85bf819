/**
 * Rotation schemes (轮转方案): per program, specialty and length, the standard departments and months a
 * trainee serves. Imported from a sheet, checked by the pure rules (`validateScheme`) and against the base's
 * departments, all or nothing. The 2022 national per-specialty tables are not verified here, so schemes are
 * data; a shipped example is stored with example = 1 and every view of it says 示例.
 */
import type { RotationProgram, RotationRowProblem, SchemeImportResult, SchemeView } from '../../shared/contract/rotation';
import { appendEvent } from '../audit/events';
import { loadCatalogue, matchSpecialty, type CatalogueIndex } from '../catalogue/catalogue';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { loadDepartments } from './departments';
import { schemeMonths, validateScheme } from './rules/scheme';
import type { Scheme, SchemeRow } from './rules/types';
import { parseSiteType, readRows, textProblems, type SheetRow } from './sheet';

const COLUMNS = {
  program: ['培训项目', '培训类别', '项目'],
  specialtyCode: ['专业代码', '培训专业代码'],
  specialtyName: ['专业名称', '培训专业', '专业'],
  years: ['年限', '培训年限'],
  standard: ['标准科室', '轮转科室'],
  months: ['月数', '轮转时间(月)', '轮转月数', '时间(月)'],
  kind: ['类型', '轮转类型'],
  group: ['选轮组'],
  groupMonths: ['选轮组月数'],
  stage: ['阶段', '年度'],
  siteType: ['轮转地点类型', '地点类型'],
  splittable: ['可拆分', '是否可拆分'],
} as const;

type Field = keyof typeof COLUMNS;

export const EXAMPLE_LABEL = '示例';

export function programLabel(p: RotationProgram): string {
  return p === 'agp' ? '助理全科' : '住培';
}

export function schemeName(
  s: { program: RotationProgram; specialtyCode: string; years: number },
  specialtyName?: string,
): string {
  return `${programLabel(s.program)} ${s.specialtyCode}${specialtyName ? ` ${specialtyName}` : ''} ${s.years}年方案`;
}

function parseProgram(text: string): RotationProgram | null {
  const t = text.replace(/\s+/g, '');
  if (t === '') return null;
  if (t === 'agp' || t.includes('助理全科')) return 'agp';
  if (t === 'residency' || t.includes('住院医师') || t === '住培') return 'residency';
  return null;
}

function parseStage(text: string): 1 | 2 | 3 | null | 'bad' {
  const t = text.replace(/\s+/g, '');
  if (t === '' || t === '不限') return null;
  const m = /^(?:第)?([123一二三])(?:年)?$/.exec(t);
  if (!m) return 'bad';
  return ({ '1': 1, '2': 2, '3': 3, 一: 1, 二: 2, 三: 3 } as const)[m[1] as '1'];
}

function parseYesNo(text: string): boolean | null {
  const t = text.replace(/\s+/g, '');
  if (t === '' || t === '否' || t === '0' || t.toLowerCase() === 'n') return false;
  if (t === '是' || t === '1' || t.toLowerCase() === 'y' || t === '可') return true;
  return null;
}

type Draft = {
  key: string;
  program: RotationProgram;
  specialtyCode: string;
  specialtyName: string;
  years: 1 | 2 | 3;
  rows: Array<{ sourceRow: number; row: SchemeRow }>;
  groups: Map<string, { months: number; firstRow: number }>;
};

type Parsed = { drafts: Draft[]; problems: RotationRowProblem[] };

function rowProblem(problems: RotationRowProblem[], row: number, field: string, code: string, message: string): void {
  problems.push({ row, field, code, message });
}

type NoteProblem = (field: string, code: string, message: string) => void;

/** 必轮 (or blank) or 选轮; a 选轮 row names its group and the group's months. */
function parseKind(r: SheetRow<Field>, standard: string, p: NoteProblem) {
  const kindText = r.get('kind');
  const kind: SchemeRow['kind'] | null =
    kindText === '' || kindText === '必轮' ? 'required' : kindText === '选轮' ? 'elective' : null;
  if (!kind) p('类型', 'SCHEME_KIND', `第 ${r.row} 行的类型「${kindText}」应为 必轮 或 选轮`);
  const group = r.get('group') || null;
  const groupMonthsText = r.get('groupMonths');
  const groupMonths = groupMonthsText === '' ? null : Number(groupMonthsText);
  if (kind === 'elective' && (group === null || groupMonths === null || !Number.isFinite(groupMonths) || groupMonths <= 0)) {
    p('选轮组', 'SCHEME_GROUP', `第 ${r.row} 行「${standard}」是选轮，需要填写选轮组和选轮组月数`);
  }
  return { kind, group, groupMonths };
}

function parseSchemeRow(r: SheetRow<Field>, catalogue: CatalogueIndex, problems: RotationRowProblem[]) {
  const before = problems.length;
  const p: NoteProblem = (field, code, message) => rowProblem(problems, r.row, field, code, message);
  problems.push(...textProblems(r, { standard: '标准科室', group: '选轮组' }));
  const program = parseProgram(r.get('program'));
  if (!program)
    p('培训项目', 'SCHEME_PROGRAM', `第 ${r.row} 行的培训项目「${r.get('program')}」应为 住院医师规范化培训 或 助理全科医生培训`);
  const specialty = matchSpecialty(catalogue, r.get('specialtyCode') || r.get('specialtyName'));
  if (!specialty) {
    p(
      '专业代码',
      'SCHEME_SPECIALTY',
      `第 ${r.row} 行的专业「${r.get('specialtyCode') || r.get('specialtyName')}」不在专业目录中`,
    );
  }
  const yearsText = r.get('years').replace(/年$/, '');
  const years = ['1', '2', '3'].includes(yearsText) ? (Number(yearsText) as 1 | 2 | 3) : null;
  if (!years) p('年限', 'SCHEME_YEARS', `第 ${r.row} 行的年限「${r.get('years')}」应为 1、2 或 3`);
  const standard = r.get('standard');
  if (standard === '') p('标准科室', 'SCHEME_STANDARD_REQUIRED', `第 ${r.row} 行没有标准科室`);
  const months = Number(r.get('months'));
  if (r.get('months') === '' || !Number.isFinite(months) || months <= 0) {
    p('月数', 'SCHEME_MONTHS', `第 ${r.row} 行「${standard}」的月数「${r.get('months')}」应为正数（以0.5个月为单位）`);
  }
  const { kind, group, groupMonths } = parseKind(r, standard, p);
  const stage = parseStage(r.get('stage'));
  if (stage === 'bad') p('阶段', 'SCHEME_STAGE', `第 ${r.row} 行的阶段「${r.get('stage')}」应为 第1年、第2年、第3年 或留空`);
  const siteType = parseSiteType(r.get('siteType'));
  if (!siteType) p('轮转地点类型', 'SCHEME_SITE_TYPE', `第 ${r.row} 行的轮转地点类型应为 本基地、协同单位 或 基层实践基地`);
  const splittable = parseYesNo(r.get('splittable'));
  if (splittable === null) p('可拆分', 'SCHEME_SPLITTABLE', `第 ${r.row} 行的可拆分「${r.get('splittable')}」应为 是 或 否`);
  if (problems.length > before) return null;
  return {
    program: program!,
    specialtyCode: specialty!.code,
    specialtyName: specialty!.name,
    years: years!,
    groupMonths,
    row: {
      standardDepartment: standard,
      months,
      kind: kind!,
      electiveGroup: kind === 'elective' ? group : null,
      stage: stage as 1 | 2 | 3 | null,
      siteType: siteType!,
      splittable: splittable!,
    } satisfies SchemeRow,
  };
}

async function parseSchemes(tx: Tx, file: { fileName: string; bytes: Uint8Array }): Promise<Parsed> {
  const rows = await readRows(file, COLUMNS, ['program', 'years', 'standard', 'months'], '轮转方案');
  const catalogue = await loadCatalogue(tx);
  const problems: RotationRowProblem[] = [];
  const drafts = new Map<string, Draft>();
  for (const r of rows) {
    const parsed = parseSchemeRow(r, catalogue, problems);
    if (!parsed) continue;
    const key = `${parsed.program}|${parsed.specialtyCode}|${parsed.years}`;
    let draft = drafts.get(key);
    if (!draft) {
      draft = { key, ...parsed, rows: [], groups: new Map() };
      drafts.set(key, draft);
    }
    draft.rows.push({ sourceRow: r.row, row: parsed.row });
    const g = parsed.row.electiveGroup;
    if (g !== null && parsed.groupMonths !== null) {
      const seen = draft.groups.get(g);
      if (!seen) draft.groups.set(g, { months: parsed.groupMonths, firstRow: r.row });
      else if (seen.months !== parsed.groupMonths) {
        rowProblem(
          problems,
          r.row,
          '选轮组月数',
          'SCHEME_GROUP_MONTHS',
          `第 ${r.row} 行选轮组「${g}」的月数 ${parsed.groupMonths} 与第 ${seen.firstRow} 行的 ${seen.months} 不一致`,
        );
      }
    }
  }
  if (rows.length === 0)
    problems.push({ row: null, field: '', code: 'SCHEME_FILE_EMPTY', message: `轮转方案“${file.fileName}”没有数据行` });
  return { drafts: [...drafts.values()], problems };
}

function toScheme(d: Draft, example: boolean): Scheme {
  return {
    program: d.program,
    specialtyCode: d.specialtyCode,
    years: d.years,
    rows: d.rows.map((r) => r.row),
    electiveGroups: [...d.groups].map(([name, g]) => ({ name, months: g.months })),
    example,
  };
}

/** The rules' checks plus one the rules cannot make: every standard department is taught by some department. */
function checkDraft(d: Draft, scheme: Scheme, taught: Set<string>): RotationRowProblem[] {
  const name = schemeName(d, d.specialtyName);
  const out: RotationRowProblem[] = validateScheme(scheme).map((p) => ({
    row: p.row === null ? null : (d.rows[p.row]?.sourceRow ?? null),
    field: p.group ? '选轮组' : '标准科室',
    code: p.code,
    message: `${name}：${p.message}`,
  }));
  for (const { sourceRow, row } of d.rows) {
    if (!taught.has(row.standardDepartment)) {
      out.push({
        row: sourceRow,
        field: '标准科室',
        code: 'SCHEME_UNKNOWN_STANDARD_DEPARTMENT',
        message: `${name}：第 ${sourceRow} 行的标准科室「${row.standardDepartment}」没有任何本基地科室承担。请先在科室表中把它对应到某个科室，或修正名称。`,
      });
    }
  }
  return out;
}

async function analyse(tx: Tx, file: { fileName: string; bytes: Uint8Array }, example: boolean) {
  const { drafts, problems } = await parseSchemes(tx, file);
  const taught = new Set((await loadDepartments(tx)).flatMap((d) => d.standardDepartments));
  const schemes = drafts.map((d) => ({ draft: d, scheme: toScheme(d, example) }));
  for (const s of schemes) problems.push(...checkDraft(s.draft, s.scheme, taught));
  return { schemes, problems };
}

function isExampleFile(fileName: string, flag: boolean): boolean {
  return flag || fileName.includes(EXAMPLE_LABEL);
}

function summary(schemes: Array<{ scheme: Scheme }>): SchemeImportResult['schemes'] {
  return schemes.map(({ scheme }) => ({
    program: scheme.program,
    specialtyCode: scheme.specialtyCode,
    years: scheme.years,
    totalMonths: schemeMonths(scheme),
    example: scheme.example,
  }));
}

export async function previewSchemes(
  core: Core,
  file: { fileName: string; bytes: Uint8Array },
  example = false,
): Promise<SchemeImportResult> {
  const { schemes, problems } = await analyse(core.db, file, isExampleFile(file.fileName, example));
  return { imported: 0, schemes: summary(schemes), rejected: problems };
}

/** Every scheme of the file is written (replacing a scheme of the same program, specialty and years), or none. */
export async function importSchemes(
  core: Core,
  actor: Actor,
  file: { fileName: string; bytes: Uint8Array },
  example = false,
): Promise<SchemeImportResult> {
  return core.db.transaction().execute(async (tx) => {
    const { schemes, problems } = await analyse(tx, file, isExampleFile(file.fileName, example));
    if (problems.length > 0) return { imported: 0, schemes: summary(schemes), rejected: problems };
    for (const { scheme } of schemes) await saveScheme(tx, core, actor, scheme, file.fileName);
    return { imported: schemes.length, schemes: summary(schemes), rejected: [] };
  });
}

async function saveScheme(tx: WriteTx, core: Core, actor: Actor, scheme: Scheme, sourceFile: string): Promise<void> {
  const existing = await tx
    .selectFrom('rotation_schemes')
    .select('id')
    .where('program', '=', scheme.program)
    .where('specialty_code', '=', scheme.specialtyCode)
    .where('years', '=', scheme.years)
    .executeTakeFirst();
  const before = existing ? await schemeById(tx, existing.id) : null;
  const id = existing?.id ?? uuidv7(core.clock.nowMs());
  // Updated in place: plans refer to the scheme by id.
  if (existing) {
    await tx.deleteFrom('rotation_scheme_rows').where('scheme_id', '=', id).execute();
    await tx
      .updateTable('rotation_schemes')
      .set({ example: scheme.example ? 1 : 0, source_file: sourceFile })
      .where('id', '=', id)
      .execute();
  } else {
    await tx
      .insertInto('rotation_schemes')
      .values({
        id,
        program: scheme.program,
        specialty_code: scheme.specialtyCode,
        years: scheme.years,
        example: scheme.example ? 1 : 0,
        source_file: sourceFile,
        created_at: isoNow(core.clock),
      })
      .execute();
  }
  const groupMonths = new Map(scheme.electiveGroups.map((g) => [g.name, g.months]));
  await tx
    .insertInto('rotation_scheme_rows')
    .values(
      scheme.rows.map((r, i) => ({
        scheme_id: id,
        seq: i + 1,
        standard_department: r.standardDepartment,
        months: r.months,
        kind: r.kind,
        elective_group: r.electiveGroup,
        group_months: r.electiveGroup === null ? null : (groupMonths.get(r.electiveGroup) ?? null),
        stage: r.stage,
        site_type: r.siteType,
        splittable: r.splittable ? 1 : 0,
      })),
    )
    .execute();
  await appendEvent(tx, core, actor.username, {
    action: 'rotation.importScheme',
    entity: 'rotation_scheme',
    entityId: id,
    before,
    after: await schemeById(tx, id),
    reason: `导入 ${sourceFile}`,
  });
}

type StoredScheme = { id: string; scheme: Scheme; sourceFile: string };

async function storedSchemes(tx: Tx, id?: string): Promise<StoredScheme[]> {
  let q = tx.selectFrom('rotation_schemes').selectAll().orderBy('program').orderBy('specialty_code').orderBy('years');
  if (id !== undefined) q = q.where('id', '=', id);
  const heads = await q.execute();
  let rq = tx.selectFrom('rotation_scheme_rows').selectAll().orderBy('scheme_id').orderBy('seq');
  if (id !== undefined) rq = rq.where('scheme_id', '=', id);
  const rows = await rq.execute();
  return heads.map((h) => {
    const mine = rows.filter((r) => r.scheme_id === h.id);
    const groups = new Map<string, number>();
    for (const r of mine) if (r.elective_group !== null && r.group_months !== null) groups.set(r.elective_group, r.group_months);
    return {
      id: h.id,
      sourceFile: h.source_file,
      scheme: {
        program: h.program,
        specialtyCode: h.specialty_code,
        years: h.years as 1 | 2 | 3,
        example: h.example === 1,
        electiveGroups: [...groups].map(([name, months]) => ({ name, months })),
        rows: mine.map((r) => ({
          standardDepartment: r.standard_department,
          months: r.months,
          kind: r.kind,
          electiveGroup: r.elective_group,
          stage: r.stage as 1 | 2 | 3 | null,
          siteType: r.site_type,
          splittable: r.splittable === 1,
        })),
      },
    };
  });
}

function schemeView(s: StoredScheme): SchemeView {
  const groups = new Map(s.scheme.electiveGroups.map((g) => [g.name, g.months]));
  return {
    id: s.id,
    program: s.scheme.program,
    specialtyCode: s.scheme.specialtyCode,
    years: s.scheme.years,
    totalMonths: schemeMonths(s.scheme),
    example: s.scheme.example,
    label: s.scheme.example ? EXAMPLE_LABEL : '',
    sourceFile: s.sourceFile,
    rows: s.scheme.rows.map((r, i) => ({
      seq: i + 1,
      standardDepartment: r.standardDepartment,
      months: r.months,
      kind: r.kind,
      electiveGroup: r.electiveGroup,
      groupMonths: r.electiveGroup === null ? null : (groups.get(r.electiveGroup) ?? null),
      stage: r.stage,
      siteType: r.siteType,
      splittable: r.splittable,
    })),
  };
}

async function schemeById(tx: Tx, id: string): Promise<SchemeView | null> {
  const [s] = await storedSchemes(tx, id);
  return s ? schemeView(s) : null;
}

export async function listSchemes(tx: Tx): Promise<SchemeView[]> {
  return (await storedSchemes(tx)).map(schemeView);
}

/** All schemes by "program|specialty|years", for planning. */
export async function schemeIndex(tx: Tx): Promise<Map<string, { id: string; scheme: Scheme }>> {
  return new Map((await storedSchemes(tx)).map((s) => [schemeKey(s.scheme), { id: s.id, scheme: s.scheme }]));
}

export function schemeKey(s: { program: string; specialtyCode: string; years: number }): string {
  return `${s.program}|${s.specialtyCode}|${s.years}`;
}

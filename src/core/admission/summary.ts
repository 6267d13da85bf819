/**
 * 拟录取学员汇总表 as the Jilin notice prints it (seed 002 附件4, named again in 六（二）): 住培 and 助理全科 in
 * separate tables, each under its own title and the “培训基地（盖章）：” line, as XLSX (one sheet each) and as a
 * printable page (one page each). Full ID numbers and phones appear only for roles allowed to reveal; every
 * export is audited.
 */
import { loadExcelJS } from '../tabular/xlsx';
import type { ExportFile, HtmlPage } from '../../shared/contract/admission';
import { maskIdNumber, maskPhone } from '../../shared/mask';
import type { Program } from '../../shared/preset';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import type { Actor, Core } from '../context';
import { loadStored, requireRun } from './service';
import { loadSpecialtyNames } from './inputs';
import { loadApplicants } from './people';
import { admittedRows } from './views';
import { neutraliseFormula } from '../tabular/cell-safety';
import { programOf } from './followups';
import { summaryPagesHtml } from './summary-page';

/** 附件4's columns, in its order and spelling. */
export const AGP_SUMMARY_COLUMNS = [
  '序号',
  '姓名',
  '性别',
  '身份证号',
  '手机号',
  '最高学历',
  '人员属性',
  '工作单位（单位人填写）',
] as const;

/**
 * The 住培 table is downloaded from the provincial platform, not printed in the notice: it keeps 附件4's columns
 * and adds 录取专业 after 姓名, since a 住培 base admits to many specialties (the 助理全科 table has one, so none).
 */
export const RESIDENCY_SUMMARY_COLUMNS = [
  ...AGP_SUMMARY_COLUMNS.slice(0, 2),
  '录取专业',
  ...AGP_SUMMARY_COLUMNS.slice(2),
] as const;

/** The category whose 工作单位 the table carries (附件4: “工作单位（单位人填写）”). */
const UNIT_CATEGORY = '单位人';

export type SummaryTable = { program: Program; title: string; sheetName: string; columns: readonly string[]; rows: string[][] };
export type SummaryData = { year: number; baseName: string; tables: SummaryTable[]; rowCount: number };

/** Titles as the notice writes them: 六（二） names the 住培 table, 附件4 heads the 助理全科 one. */
function tableTitle(program: Program, province: string, year: number): string {
  return program === 'agp' ? `${province}${year}年助理全科医生培训拟录取学员汇总表` : '住院医师规范化培训拟录取学员汇总表';
}

type Person = {
  name: string;
  sex: string;
  idNumber: string;
  phone: string;
  education: string;
  category: string;
  employer: string;
  specialty: string;
};

function tableRow(program: Program, n: number, p: Person): string[] {
  const common = [p.sex, p.idNumber, p.phone, p.education, p.category, p.employer];
  return program === 'agp' ? [String(n), p.name, ...common] : [String(n), p.name, p.specialty, ...common];
}

export async function summaryData(core: Core, reveal: boolean): Promise<SummaryData> {
  const tx = core.db;
  const base = await requireBase(tx);
  const preset = await currentPreset(tx);
  const run = await requireRun(tx, base.cohort_year);
  // The whole row: the table also lists phone, education and employer.
  const people = await loadApplicants(tx, base.cohort_year);
  const ctx = { applicants: people, specialtyNames: await loadSpecialtyNames(tx), reveal: true };
  const categoryName = new Map(preset.categories.map((c) => [c.code, c.name]));
  const byProgram = new Map<Program, string[][]>(preset.programs.map((p) => [p, []]));
  for (const r of admittedRows(ctx, await loadStored(tx, run))) {
    const a = people.get(r.applicantId);
    const category = a?.category == null ? '' : (categoryName.get(a.category) ?? a.category);
    const phone = a?.phone ?? '';
    const program = programOf(preset.programs, r.specialtyCode, r.specialtyName);
    const rows = byProgram.get(program) ?? [];
    byProgram.set(program, rows);
    rows.push(
      tableRow(program, rows.length + 1, {
        name: r.name,
        sex: r.sex ?? '',
        idNumber: reveal ? r.idNumber : maskIdNumber(r.idNumber),
        phone: reveal || phone === '' ? phone : maskPhone(phone),
        education: a?.highestEducation ?? '',
        category,
        employer: category === UNIT_CATEGORY ? (a?.employer ?? '') : '',
        specialty: r.specialtyName,
      }),
    );
  }
  const order: Program[] = ['residency', 'agp'];
  const tables = order
    .filter((p) => byProgram.has(p))
    .map((program) => ({
      program,
      title: tableTitle(program, preset.province, base.cohort_year),
      sheetName: program === 'agp' ? '助理全科医生培训' : '住院医师规范化培训',
      columns: program === 'agp' ? AGP_SUMMARY_COLUMNS : RESIDENCY_SUMMARY_COLUMNS,
      rows: byProgram.get(program)!,
    }));
  return { year: base.cohort_year, baseName: base.name, tables, rowCount: tables.reduce((n, t) => n + t.rows.length, 0) };
}

async function audit(core: Core, actor: Actor, kind: string, revealed: boolean, rows: number): Promise<void> {
  await core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    await appendEvent(tx, core, actor.username, {
      action: 'admission.export',
      entity: 'admission',
      entityId: String(base.cohort_year),
      after: { kind, revealed, rows },
    });
  });
}

type Workbook = InstanceType<Awaited<ReturnType<typeof loadExcelJS>>['Workbook']>;

function addTableSheet(wb: Workbook, t: SummaryTable, baseName: string): void {
  const ws = wb.addWorksheet(t.sheetName, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  const width = t.columns.length;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).value = t.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = `培训基地（盖章）：${baseName}`;
  ws.addRow([...t.columns]).font = { bold: true };
  for (const r of t.rows) ws.addRow([Number(r[0]), ...r.slice(1).map(neutraliseFormula)]);
  // ID numbers and phones are text: as numbers Excel would show 1.10105E+17 and lose digits.
  const id = t.columns.indexOf('身份证号') + 1;
  ws.getColumn(id).numFmt = '@';
  ws.getColumn(id + 1).numFmt = '@';
  t.columns.forEach((c, i) => (ws.getColumn(i + 1).width = COLUMN_WIDTH[c] ?? 10));
}

const COLUMN_WIDTH: Record<string, number> = {
  序号: 6,
  姓名: 10,
  专业: 16,
  身份证号: 22,
  手机号: 14,
  '工作单位（单位人填写）': 30,
};

export async function summaryXlsx(core: Core, actor: Actor, reveal: boolean): Promise<ExportFile> {
  const data = await summaryData(core, reveal);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'BaseDesk';
  for (const t of data.tables) addTableSheet(wb, t, data.baseName);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  await audit(core, actor, 'summary-xlsx', reveal, data.rowCount);
  return {
    fileName: summaryFileName(data, 'xlsx'),
    contentBase64: buf.toString('base64'),
    revealed: reveal,
    rows: data.rowCount,
  };
}

export async function summaryHtml(core: Core, actor: Actor, reveal: boolean): Promise<HtmlPage> {
  const data = await summaryData(core, reveal);
  await audit(core, actor, 'summary-html', reveal, data.rowCount);
  return {
    fileName: summaryFileName(data, 'html'),
    html: summaryPagesHtml(`拟录取学员汇总表（${data.year}）`, data.baseName, data.tables),
    revealed: reveal,
  };
}

/** 拟录取学员汇总表-2024-吉林大学第一医院.xlsx: the file says what, which year and whose, wherever it is saved. */
function summaryFileName(data: SummaryData, ext: string): string {
  return `拟录取学员汇总表-${data.year}-${data.baseName.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;
}

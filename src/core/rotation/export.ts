/**
 * The XLSX a base hands over: each trainee's 轮转安排计划 (the "报考人员轮转安排计划" a completion-exam
 * registration asks the base for, seed 000 一(三)1) and the 科室轮转表 (department × month). ID numbers are
 * masked: the file leaves the app. A plan made on an example scheme says 示例 on both sheets.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../tabular/xlsx';
import type { ExportResult, TraineePlanView } from '../../shared/contract/rotation';
import { AppError } from '../../shared/errors';
import { requireBase } from '../base/base';
import { neutraliseFormula } from '../tabular/cell-safety';
import type { Tx } from '../context';
import { STATUS_LABEL } from './status';
import { activeTrainees, requireTrainee, type RotationTrainee, type TraineeRef } from './trainees';
import { planView, rosterView } from './views';
import { loadWorld } from './world';

export const EXAMPLE_NOTE = '示例：所用轮转方案是随软件提供的示例方案，未经核实，不能作为正式轮转计划';

export type ExportInput = TraineeRef & { cohortYear?: number | undefined };

async function chosen(tx: Tx, input: ExportInput): Promise<RotationTrainee[]> {
  if (input.traineeId || input.idNumber) return [await requireTrainee(tx, input)];
  return activeTrainees(tx, { cohortYear: input.cohortYear ?? (await requireBase(tx)).cohort_year });
}

function planSheet(wb: ExcelJS.Workbook, plans: TraineePlanView[], example: boolean): void {
  const ws = wb.addWorksheet('轮转安排计划');
  if (example) ws.addRow([EXAMPLE_NOTE]).font = { bold: true, color: { argb: 'FFC00000' } };
  const header = ws.addRow([
    '姓名',
    '证件号码',
    '专业代码',
    '年级',
    '序号',
    '轮转科室',
    '标准科室',
    '院区或协同单位',
    '开始日期',
    '结束日期',
    '月数',
    '出科考核',
    '计划状态',
    '示例',
  ]);
  header.font = { bold: true };
  for (const p of plans) {
    p.blocks.forEach((b, i) => {
      const row = [
        p.name,
        p.idNumber,
        p.specialtyCode,
        p.cohortYear,
        i + 1,
        b.department,
        b.standardDepartment,
        b.site ?? '本院',
        b.start,
        b.end,
        b.months,
        b.exitExamResult === 'pass' ? '合格' : b.exitExamResult === 'fail' ? '不合格' : '',
        p.status ? STATUS_LABEL[p.status] : '',
        p.example ? '示例' : '',
      ];
      // Names come from imported files: a leading = or + must not become a formula.
      ws.addRow(row.map(neutraliseFormula));
    });
  }
  ws.columns.forEach((c, i) => (c.width = [10, 22, 10, 8, 6, 16, 16, 16, 12, 12, 6, 10, 16, 6][i] ?? 12));
}

async function rosterSheet(wb: ExcelJS.Workbook, tx: Tx, plans: TraineePlanView[], example: boolean): Promise<void> {
  const ws = wb.addWorksheet('科室轮转表');
  if (example) ws.addRow([EXAMPLE_NOTE]).font = { bold: true, color: { argb: 'FFC00000' } };
  const starts = plans.flatMap((p) => p.blocks.map((b) => b.start)).sort();
  const ends = plans.flatMap((p) => p.blocks.map((b) => b.end)).sort();
  if (starts.length === 0) return;
  const names = new Set(plans.map((p) => p.name));
  const r = await rosterView(tx, starts[0]!.slice(0, 7), ends.at(-1)!.slice(0, 7));
  ws.addRow(['科室', '容量', ...r.months.map((m) => m.month)]).font = { bold: true };
  const departments = r.months[0]?.departments ?? [];
  departments.forEach((d, i) => {
    ws.addRow(
      [d.department, d.capacity, ...r.months.map((m) => m.departments[i]!.trainees.filter((n) => names.has(n)).join('、'))].map(
        neutraliseFormula,
      ),
    );
  });
}

/** The chosen trainees' plans (those that have one); none is an error, as nothing can be exported. */
export async function plansFor(tx: Tx, input: ExportInput): Promise<TraineePlanView[]> {
  const trainees = await chosen(tx, input);
  const world = await loadWorld(tx);
  const plans = (await Promise.all(trainees.map((t) => planView(tx, world, t)))).filter((p) => p.blocks.length > 0);
  if (plans.length === 0) throw new AppError('ROTATION_NOTHING_TO_EXPORT', '所选学员还没有轮转计划，没有可导出的内容。');
  return plans;
}

export async function exportPlans(tx: Tx, input: ExportInput): Promise<ExportResult> {
  const plans = await plansFor(tx, input);
  const example = plans.some((p) => p.example);
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'BaseDesk';
  planSheet(wb, plans, example);
  await rosterSheet(wb, tx, plans, example);
  const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const who = plans.length === 1 ? plans[0]!.name : `${plans[0]!.cohortYear}级`;
  return { fileName: `${example ? '示例-' : ''}轮转安排计划-${who}.xlsx`, contentBase64: bytes.toString('base64'), example };
}

/**
 * The printable A4 pages a base hands over with a completion-exam registration (seed 000 一(三)): “1.报考人员
 * 轮转安排计划；2.报考人员出科考核成绩。” — per trainee or for a whole cohort, shown in the app's print preview
 * and written by `rotation export FILE --html`. Same columns as the XLSX export, dates as people write them,
 * ID numbers masked (the page leaves the app), 示例 on every page made on an example scheme. Landscape: the
 * cohort list and the exam list are wide.
 */
import type { PrintableResult, TraineePlanView } from '../../shared/contract/rotation';
import { formatDate } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { requireBase } from '../base/base';
import type { Core, Tx } from '../context';
import { escapeHtml } from '../outbox/kind-types';
import { EXAMPLE_NOTE, plansFor, type ExportInput } from './export';
import { STATUS_LABEL } from './status';

export type PrintInput = ExportInput & { kind: 'plan' | 'exitExams' };

type Cell = string | number;
type Section = { heading: string[]; headers: string[]; rows: Cell[][] };

const range = (start: string, end: string) => `${formatDate(start)} 至 ${formatDate(end)}`;
const examLabel = (r: 'pass' | 'fail' | null) => (r === 'pass' ? '合格' : r === 'fail' ? '不合格' : '');

const PLAN_HEADERS = ['序号', '轮转科室', '标准科室', '院区或协同单位', '开始日期', '结束日期', '月数', '出科考核'];
const EXAM_HEADERS = [
  '序号',
  '姓名',
  '证件号码',
  '培训专业',
  '年级',
  '轮转科室',
  '标准科室',
  '轮转时间',
  '考核日期',
  '考核结果',
  '备注',
];

export async function printablePlans(tx: Tx, core: Core, input: PrintInput): Promise<PrintableResult> {
  const base = await requireBase(tx);
  const plans = await plansFor(tx, input);
  const names = await specialtyNames(tx);
  const example = plans.some((p) => p.example);
  const who = input.traineeId || input.idNumber ? plans[0]!.name : `${plans[0]!.cohortYear}级`;
  if (input.kind === 'exitExams') {
    const rows = examRows(plans, names, new Date(core.clock.nowMs()).toISOString().slice(0, 10));
    if (rows.length === 0) {
      throw new AppError('ROTATION_NO_EXIT_EXAMS', `${who}还没有已结束的轮转或出科考核记录，没有可打印的出科考核成绩。`);
    }
    const title = `${base.name} 出科考核成绩（${who}）`;
    const html = page(title, example, [{ heading: [], headers: EXAM_HEADERS, rows }]);
    return { html, fileName: `${example ? '示例-' : ''}出科考核成绩-${who}.html`, example, rows: rows.length };
  }
  const title = `${base.name} 轮转安排计划（${who}）`;
  const sections = plans.map((p) => planSection(p, names));
  return {
    html: page(title, example, sections),
    fileName: `${example ? '示例-' : ''}轮转安排计划-${who}.html`,
    example,
    rows: sections.reduce((a, s) => a + s.rows.length, 0),
  };
}

async function specialtyNames(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('specialties').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

function planSection(p: TraineePlanView, names: Map<string, string>): Section {
  const first = p.blocks[0]!;
  const last = p.blocks.at(-1)!;
  const months = p.blocks.reduce((a, b) => a + b.months, 0);
  return {
    heading: [
      `姓名：${p.name}`,
      `证件号码：${p.idNumber}`,
      `培训专业：${names.get(p.specialtyCode) ?? p.specialtyCode}（${p.specialtyCode}）`,
      `年级：${p.cohortYear}级`,
      `轮转时间：${range(first.start, last.end)}，共 ${months} 个月`,
      `计划状态：${p.status ? STATUS_LABEL[p.status] : '尚未编排'}${p.example ? '（示例方案）' : ''}`,
      ...p.leave.map((l) => `请假：${l.type} ${range(l.from, l.to)}`),
    ],
    headers: PLAN_HEADERS,
    rows: p.blocks.map((b, i) => [
      i + 1,
      b.department,
      b.standardDepartment,
      b.site ?? '本院',
      formatDate(b.start),
      formatDate(b.end),
      b.months,
      examLabel(b.exitExamResult),
    ]),
  };
}

/** Every block with a recorded result, and every block already over (its result still to be entered). */
function examRows(plans: TraineePlanView[], names: Map<string, string>, today: string): Cell[][] {
  const rows: Cell[][] = [];
  for (const p of plans) {
    for (const b of p.blocks) {
      if (b.exitExamResult === null && b.end >= today) continue;
      rows.push([
        rows.length + 1,
        p.name,
        p.idNumber,
        names.get(p.specialtyCode) ?? p.specialtyCode,
        `${p.cohortYear}级`,
        b.department,
        b.standardDepartment,
        range(b.start, b.end),
        b.exitExamDate ? formatDate(b.exitExamDate) : '',
        b.exitExamResult === null ? '未登记' : examLabel(b.exitExamResult),
        b.retakeOf ? '补轮' : '',
      ]);
    }
  }
  return rows;
}

function table(s: Section): string {
  const head = s.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = s.rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(String(v))}</td>`).join('')}</tr>`).join('\n');
  const heading =
    s.heading.length > 0 ? `<p class="who">${s.heading.map((h) => `<span>${escapeHtml(h)}</span>`).join('')}</p>` : '';
  return `<section>${heading}<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

function page(title: string, example: boolean, sections: Section[]): string {
  const note = example ? `<p class="example">${escapeHtml(EXAMPLE_NOTE)}</p>` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>@page{size:A4 landscape;margin:12mm}body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;font-size:10.5pt;color:#000}
h1{font-size:15pt;text-align:center;margin:0 0 8pt}.example{color:#c00000;font-weight:bold;border:1px solid #c00000;padding:3pt}
section{break-inside:avoid;margin-bottom:14pt}.who{display:flex;flex-wrap:wrap;gap:4pt 18pt;margin:0 0 4pt}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:2pt 4pt;text-align:left}th{background:#eee}th:first-child{width:3em}
.sign{display:flex;justify-content:space-between;margin-top:24pt}.sign span{min-width:30%}</style>
</head><body><h1>${escapeHtml(title)}</h1>${note}
${sections.map(table).join('\n')}
<div class="sign"><span>培训基地（盖章）：</span><span>负责人签字：</span><span>日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日</span></div></body></html>
`;
}

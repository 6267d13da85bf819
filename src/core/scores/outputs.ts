/**
 * Printable and exportable outputs: 成绩汇总表 (XLSX per specialty), a blank scoring sheet per interviewer
 * (paper fallback for a dead laptop) and the panel's signed result sheet, as self-contained HTML.
 */
import { loadExcelJS } from '../tabular/xlsx';
import type { FileOutput } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import type { Actor, Tx } from '../context';
import { formatHundredths } from './rules';
import { loadComponents } from './components';
import { loadSession } from './interview-session';
import { sessionDetail } from './interview-sheet';
import { showRanking } from './ranking';
import { neutraliseFormula } from '../tabular/cell-safety';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** A score as a number cell (sums and sorting work in the spreadsheet), shown with two decimals by the column format. */
const scoreCell = (v: number | 'absent' | null | undefined): number | string =>
  v === 'absent' ? '缺考' : v === null || v === undefined ? '' : v / 100;
const SCORE_FORMAT = '0.00';

export async function summaryXlsx(tx: Tx, input: { cohortYear?: number | undefined; specialty: string }): Promise<FileOutput> {
  const view = await showRanking(tx, { cohortYear: input.cohortYear, specialty: input.specialty });
  if (view.groups.length === 0) throw new AppError('RANK_GROUP_UNKNOWN', `专业「${input.specialty}」没有考生。`);
  const { components } = await loadComponents(tx, view.cohortYear);
  const wb = new (await loadExcelJS()).Workbook();
  for (const g of view.groups) {
    const ws = wb.addWorksheet((g.category ? `${g.specialtyName}-${g.category}` : g.specialtyName).slice(0, 31));
    ws.addRow([`${view.cohortYear} 年 ${g.specialtyName}${g.category ? `（${g.category}）` : ''} 成绩汇总表`]);
    ws.addRow(['排名', '姓名', '身份证号', '人员类别', ...components.map((c) => `${c.name}成绩`), '总成绩', '备注']);
    for (const r of g.ranked) {
      ws.addRow([
        r.rank,
        neutraliseFormula(r.name),
        r.idMasked,
        r.category ?? '',
        ...components.map((c) => scoreCell(r.components[c.key])),
        r.total / 100,
        [r.tied ? '并列' : '', r.manualReason ? `人工排序：${r.manualReason}` : ''].filter(Boolean).join('；'),
      ]);
    }
    for (const u of g.unranked) {
      ws.addRow([
        '',
        neutraliseFormula(u.name),
        u.idMasked,
        '',
        ...components.map(() => ''),
        '',
        u.status === 'absent' ? '缺考' : '成绩不全',
      ]);
    }
    ws.getColumn(3).width = 22;
    for (let i = 0; i <= components.length; i++) ws.getColumn(5 + i).numFmt = SCORE_FORMAT;
    ws.getRow(2).font = { bold: true };
  }
  const buf = await wb.xlsx.writeBuffer();
  return {
    // 成绩汇总表-2024-内科.xlsx: readable wherever it is saved (the code alone, 0100, says nothing to a person).
    fileName: `成绩汇总表-${view.cohortYear}-${view.groups[0]!.specialtyName.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`,
    contentBase64: Buffer.from(buf as ArrayBuffer).toString('base64'),
  };
}

const PAGE_CSS =
  'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px}table{border-collapse:collapse;width:100%}' +
  'th,td{border:1px solid #333;padding:6px 8px;text-align:center}h1{font-size:20px;text-align:center}.meta{margin:8px 0}' +
  '.sign{margin-top:32px;display:flex;gap:48px}@media print{.page{page-break-after:always}}';

export async function blankSheetHtml(tx: Tx, input: { sessionId: string; interviewer?: string | undefined }): Promise<string> {
  const s = await loadSession(tx, input.sessionId);
  const cands = await tx
    .selectFrom('interview_candidates')
    .select(['draw_no', 'display_name'])
    .where('session_id', '=', s.row.id)
    .orderBy('draw_no')
    .execute();
  const who = input.interviewer ? [input.interviewer] : s.panel.map((p) => p.username);
  const pages = who.map(
    (u) => `<section class="page"><h1>面试评分表（空白）</h1>
<div class="meta">场次：${esc(s.row.name)}&#12288;日期：${esc(s.row.date)}&#12288;地点：${esc(s.row.site)}&#12288;面试官：${esc(u)}</div>
<table><thead><tr><th>抽签号</th><th>姓名</th>${s.items.map((i) => `<th>${esc(i.name)}（${i.max}）</th>`).join('')}<th>合计</th><th>缺考</th></tr></thead>
<tbody>${cands.map((c) => `<tr><td>${c.draw_no}</td><td>${esc(c.display_name)}</td>${s.items.map(() => '<td></td>').join('')}<td></td><td>□</td></tr>`).join('')}</tbody></table>
<p>无法评价的项目请填“无法评价”，不要填 0。</p><div class="sign"><span>面试官签字：__________</span><span>日期：__________</span></div></section>`,
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>面试评分表</title><style>${PAGE_CSS}</style></head><body>${pages.join('')}</body></html>`;
}

export async function resultSheetHtml(tx: Tx, actor: Actor, input: { sessionId: string }): Promise<string> {
  const d = await sessionDetail(tx, input.sessionId, actor);
  if (actor.role === 'interviewer' && !d.me.head) {
    throw new AppError('NOT_PANEL_HEAD', '只有专家组组长或住培办可以打印专家组结果表。');
  }
  const head = d.panel.find((p) => p.head)?.username ?? '';
  const rows = d.candidates.map((c) => {
    const signed = c.signoff;
    const score = signed ? (signed.absent ? '缺考' : formatHundredths(signed.score ?? 0)) : '未签字';
    const per =
      c.panel.status === 'ok'
        ? c.panel.interviewers.map((i) => `${esc(i.interviewer)} ${i.display}${i.dropped ? '（去掉）' : ''}`).join('；')
        : '';
    return `<tr><td>${c.drawNo}</td><td>${esc(c.name)}</td><td>${esc(c.idMasked ?? '')}</td><td>${per}</td><td>${score}</td><td>${signed ? `${esc(signed.by)} 第 ${signed.version} 版 ${esc(signed.at.slice(0, 16).replace('T', ' '))}` : ''}</td></tr>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>面试结果表</title><style>${PAGE_CSS}</style></head><body>
<h1>面试专家组评分结果表</h1><div class="meta">场次：${esc(d.name)}&#12288;日期：${esc(d.date)}&#12288;地点：${esc(d.site)}&#12288;汇总方式：${d.aggregation === 'trimmed-mean' ? '去掉最高最低分后平均（不少于 5 人时）' : '平均分'}&#12288;抽签种子：${d.seed}</div>
<table><thead><tr><th>抽签号</th><th>姓名</th><th>身份证号</th><th>各面试官得分</th><th>面试成绩</th><th>签字</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<div class="sign"><span>专家组组长（${esc(head)}）签字：__________</span><span>专家组成员签字：__________</span></div></body></html>`;
}

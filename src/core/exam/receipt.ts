/**
 * The 结业考核报名材料回执 handed to the candidate at the desk: what was received, what is missing, each
 * check and the decision with its reason. ID numbers masked, as on the 现场确认 receipt.
 */
import { EXAM_STATUS_LABELS, EXAM_SUBJECT_LABELS, type ExamCandidateView } from '../../shared/contract/exam';
import { localTime } from '../applicants/receipt';
import { requireBase } from '../base/base';
import type { Core } from '../context';
import { isoNow } from '../util/clock';
import { candidateViewOf, findCandidate } from './candidates';
import { escapeHtml as esc } from '../outbox/kind-types';

export function examReceiptHtml(c: ExamCandidateView, base: { name: string }, year: number, printedAt: string): string {
  const materials = c.materials
    .map(
      (m) =>
        `<tr><td>${esc(m.label)}${m.when ? `（${esc(m.when)}报考人员）` : ''}</td><td>${m.received ? '已收' : m.when ? '如适用须提交' : '缺'}</td></tr>`,
    )
    .join('');
  const checks = c.checks
    .map(
      (k) =>
        `<tr><td>${esc(k.label)}</td><td>${k.passed ? '符合' : k.pending ? '待核验' : '不符合'}</td><td>${esc(k.message)}</td></tr>`,
    )
    .join('');
  const program = c.program === 'agp' ? '助理全科医生培训' : '住院医师规范化培训';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>结业考核报名材料回执 ${esc(c.name)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#000}
h1{font-size:20px;text-align:center;margin:0 0 4px} .sub{text-align:center;margin:0 0 16px}
table{border-collapse:collapse;width:100%;margin:8px 0} td,th{border:1px solid #444;padding:4px 8px;font-size:13px;text-align:left}
.decision{font-size:18px;font-weight:bold;margin:12px 0} .sign{margin-top:32px;display:flex;justify-content:space-between}
@media print{body{margin:0}}
</style></head>
<body>
<h1>${esc(base.name)} ${year} 年${program}结业考核</h1>
<p class="sub">报名材料回执</p>
<table>
<tr><th>姓名</th><td data-field="name">${esc(c.name)}</td><th>证件号码</th><td data-field="idNumber">${esc(c.idNumber)}</td></tr>
<tr><th>培训专业</th><td>${esc(c.specialtyName)}</td><th>培训起止时间</th><td>${esc(c.trainingStart)} 至 ${esc(c.trainingEnd)}</td></tr>
<tr><th>报考科目</th><td colspan="3">${c.subjects.map((s) => EXAM_SUBJECT_LABELS[s]).join('、')}${c.retake ? '（补考）' : ''}</td></tr>
</table>
<table><tr><th>材料</th><th>情况</th></tr>${materials}</table>
<table><tr><th>审核项</th><th>结果</th><th>说明</th></tr>${checks}</table>
<p class="decision" data-field="decision">审核结果：${EXAM_STATUS_LABELS[c.status]}${c.decisionReason ? `（${esc(c.decisionReason)}）` : ''}</p>
<p>现场网报确认须携带：${c.onsiteItems.map(esc).join('、')}。未在规定时间内进行现场网报确认的，视为无效报考人员。</p>
<div class="sign"><span>经办人：${esc(c.decidedByName ?? c.decidedBy ?? '')}</span><span>审核时间：${esc(localTime(c.decidedAt))}</span><span>打印时间：${esc(localTime(printedAt))}</span></div>
</body></html>
`;
}

export async function examReceipt(core: Core, year: number, trainee: string): Promise<string> {
  const c = await findCandidate(core.db, year, trainee);
  const view = await candidateViewOf(core.db, core, year, c.trainee_id);
  return examReceiptHtml(view, await requireBase(core.db), year, isoNow(core.clock));
}

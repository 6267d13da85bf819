/** The 现场确认回执 handed to the applicant: a self-contained HTML page for printing, masked ID and phone. */
import type { ApplicantDetail, ChecklistState } from '../../shared/contract/applicants';
import { overrideText } from './desk-records';

const STATE_LABELS: Record<ChecklistState, string> = { original: '原件已核验', copy: '已收复印件', missing: '缺', na: '不适用' };
export const DECISION_LABELS: Record<string, string> = {
  pending: '待确认',
  confirmed: '确认通过',
  returned: '退回补正',
  rejected: '不予确认',
};

/** Local wall-clock time (the desk's time zone), as people read it on paper. */
export function localTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function esc(s: string | null | undefined): string {
  return (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function receiptHtml(a: ApplicantDetail, base: { name: string; cohortYear: number }, printedAt: string): string {
  const rows = a.checklist
    .filter((i) => i.state !== 'na')
    .map(
      (i) =>
        `<tr><td>${esc(i.label)}</td><td class="state-${i.state}">${STATE_LABELS[i.state]}${i.note ? `（${esc(i.note)}）` : ''}</td></tr>`,
    )
    .join('');
  const decided = localTime(a.decidedAt);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>现场确认回执 ${esc(a.name)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#000}
h1{font-size:20px;text-align:center;margin:0 0 4px} .sub{text-align:center;margin:0 0 16px;color:#333}
table{border-collapse:collapse;width:100%;margin:8px 0} td,th{border:1px solid #444;padding:4px 8px;font-size:13px;text-align:left}
.decision{font-size:18px;font-weight:bold;margin:12px 0} .sign{margin-top:32px;display:flex;justify-content:space-between}
@media print{body{margin:0}}
</style></head>
<body>
<h1>${esc(base.name)} ${base.cohortYear} 年住院医师规范化培训招收</h1>
<p class="sub">现场确认回执</p>
<table>
<tr><th>姓名</th><td data-field="name">${esc(a.name)}</td><th>性别</th><td>${esc(a.sex)}</td></tr>
<tr><th>${esc(a.idType)}</th><td data-field="idNumber">${esc(a.idNumber)}</td><th>手机号码</th><td data-field="phone">${esc(a.phone)}</td></tr>
<tr><th>人员类型</th><td>${esc(a.categoryName ?? a.category)}</td><th>是否服从调剂</th><td>${a.acceptsAdjustment ? '是' : '否'}</td></tr>
<tr><th>志愿</th><td colspan="3">${a.choiceNames.map((n, i) => `第${'一二三'[i] ?? i + 1}志愿：${esc(n)}`).join('；')}</td></tr>
</table>
<table><tr><th>材料</th><th>核验情况</th></tr>${rows}</table>
<p class="decision" data-field="decision">确认结果：${DECISION_LABELS[a.confirmation] ?? a.confirmation}</p>
${a.rulesOverride ? `<p data-field="override">${esc(overrideText(a.rulesOverride, a.rulesOverride.by === a.decidedBy ? (a.decidedByName ?? undefined) : undefined))}</p>` : a.decisionReason ? `<p data-field="reason">原因：${esc(a.decisionReason)}</p>` : ''}
<p>确认人：${esc(a.decidedByName ?? a.decidedBy)}&emsp;确认时间：${esc(decided)}</p>
<div class="sign"><span>报名人签字：__________</span><span>打印时间：${esc(localTime(printedAt))}</span></div>
</body></html>`;
}

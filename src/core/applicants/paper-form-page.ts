/**
 * The filled 报名表 as an A4 page, laid out as seed 002 附件3 prints it: 基本情况, 申报情况, 教育情况, 临床工作经历,
 * 外语能力, the applicant's signature and the 单位意见 box with its seal and date lines. Self-contained HTML (no
 * external resources) for the in-app print preview.
 */
import type { ApplicantDetail } from '../../shared/contract/applicants';
import type { PaperFormView } from '../../shared/contract/paper-form';

export type PaperFormPage = {
  title: string;
  baseName: string;
  applicant: Pick<ApplicantDetail, 'name' | 'sex' | 'ethnicity' | 'birthDate' | 'email' | 'qualificationCertNo'>;
  /** Full or masked, as the caller's role allows. */
  idNumber: string;
  phone: string;
  form: PaperFormView;
};

/** 附件3's 培训内容 line, printed on every form. */
const TRAINING_CONTENT = '《助理全科医生培训标准（试行）》（卫科教发〔2012〕59号）';
/** Blank rows the paper form leaves for each table, so a short history still prints the form's shape. */
const MIN_EDUCATION_ROWS = 2;
const MIN_WORK_ROWS = 3;

function esc(s: string | null | undefined): string {
  return (s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** “2015-09” or “2015-09-01” as “2015年9月”, the way the form is filled in by hand; other text as written. */
export function chineseMonth(v: string | null | undefined): string {
  const m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec((v ?? '').trim());
  return m ? `${m[1]}年${Number(m[2])}月` : (v ?? '');
}

function span(from?: string, to?: string): string {
  if (!from && !to) return '';
  return `${chineseMonth(from)}—${to ? chineseMonth(to) : '至今'}`;
}

const box = (on: boolean) => (on ? '☑' : '☐');

function padRows(rows: string[], min: number, blank: string): string {
  const blanks = Array.from({ length: Math.max(0, min - rows.length) }, () => blank);
  return [...rows, ...blanks].join('\n');
}

const BLANK_EDUCATION = '<tr><td>&nbsp;</td><td colspan="2"></td><td colspan="2"></td><td colspan="2"></td></tr>';
const BLANK_WORK = '<tr><td>&nbsp;</td><td></td><td></td><td colspan="2"></td><td></td><td></td></tr>';

function basicSection(p: PaperFormPage): string {
  const a = p.applicant;
  const f = p.form.form;
  return `<tr><th class="section" rowspan="5">基<br>本<br>情<br>况</th><th>姓名</th><td data-field="name">${esc(a.name)}</td><th>性别</th><td>${esc(a.sex)}</td><th>民族</th><td>${esc(a.ethnicity)}</td><td class="photo" rowspan="4">（贴照片处）</td></tr>
<tr><th>出生年月</th><td>${esc(chineseMonth(a.birthDate))}</td><th>政治面貌</th><td>${esc(f.politicalStatus)}</td><th>户口所在地</th><td>${esc(f.hukou)}</td></tr>
<tr><th>身份证号</th><td class="mono" data-field="idNumber">${esc(p.idNumber)}</td><th>婚姻状况</th><td>${esc(f.maritalStatus)}</td><th>健康状况</th><td>${esc(f.healthStatus)}</td></tr>
<tr><th>电子邮件</th><td>${esc(a.email)}</td><th>固定电话</th><td>${esc(f.landline)}</td><th>手机</th><td class="mono" data-field="phone">${esc(p.phone)}</td></tr>
<tr><th>通讯地址</th><td colspan="3">${esc(f.address)}</td><th>邮政编码</th><td colspan="2">${esc(f.postalCode)}</td></tr>`;
}

function applicationSection(p: PaperFormPage): string {
  const cert = p.applicant.qualificationCertNo;
  return `<tr><th class="section" rowspan="3">申<br>报<br>情<br>况</th><th>培训基地</th><td colspan="6">${esc(p.baseName)}</td></tr>
<tr><th>培训内容</th><td colspan="6">${TRAINING_CONTENT}</td></tr>
<tr><th colspan="2">执业助理医师资格证书号码</th><td colspan="3">${esc(cert)}</td><td colspan="2">${box(!!cert)} 是&emsp;${box(!cert)} 否</td></tr>`;
}

function educationSection(p: PaperFormPage): string {
  const rows = p.form.education.map(
    (e) =>
      `<tr><td>${esc(e.level)}</td><td colspan="2">${esc(span(e.from, e.to))}</td><td colspan="2">${esc(e.school)}</td><td colspan="2">${esc(e.major)}</td></tr>`,
  );
  const n = Math.max(rows.length, MIN_EDUCATION_ROWS) + 1;
  return `<tr><th class="section" rowspan="${n}">教<br>育<br>情<br>况</th><th>内容</th><th colspan="2">起止时间</th><th colspan="2">学校名称（院系）</th><th colspan="2">专业</th></tr>
${padRows(rows, MIN_EDUCATION_ROWS, BLANK_EDUCATION)}`;
}

function workSection(p: PaperFormPage): string {
  const rows = p.form.work.map(
    (w) =>
      `<tr><td>${esc(w.hospital)}</td><td>${esc(w.grade)}</td><td>${esc(w.department)}</td><td colspan="2">${esc(span(w.from, w.to))}</td><td>${esc(w.title)}</td><td>${esc(w.referee)}</td></tr>`,
  );
  const n = Math.max(rows.length, MIN_WORK_ROWS) + 1;
  return `<tr><th class="section" rowspan="${n}">临<br>床<br>工<br>作<br>经<br>历</th><th>医院名称</th><th>等级</th><th>科室</th><th colspan="2">起止时间</th><th>职务</th><th>证明人</th></tr>
${padRows(rows, MIN_WORK_ROWS, BLANK_WORK)}`;
}

function languageSection(p: PaperFormPage): string {
  const f = p.form.form;
  const level = f.foreignLanguageLevel;
  return `<tr><th class="section">外语能力</th><td colspan="2">（语种）${esc(f.foreignLanguage)}</td><td colspan="5">${box(level === '四级')} 四级&emsp;${box(level === '六级')} 六级&emsp;${box(level === '其他')} 其他：${esc(f.foreignLanguageOther)}</td></tr>`;
}

function signatureSection(): string {
  return `<tr><td colspan="8" class="sign" data-box="self"><p>本人签字：</p><p class="date">年&emsp;&emsp;月&emsp;&emsp;日</p></td></tr>
<tr><td colspan="8" class="sign opinion" data-box="employer"><p>单位意见（单位人报名，须经原单位签署同意并盖章）：</p><p class="seal">（盖章）</p><p class="date">年&emsp;&emsp;月&emsp;&emsp;日</p></td></tr>`;
}

export function paperFormHtml(p: PaperFormPage): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(p.title)} ${esc(p.applicant.name)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt; color: #000; margin: 0; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 10pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 4pt 3pt; text-align: center; font-weight: normal; font-size: 10.5pt; height: 18pt; word-break: break-all; }
th.section { width: 7%; letter-spacing: 2pt; }
td.photo { width: 15%; color: #555; }
.mono { font-family: "Courier New", monospace; }
td.sign { text-align: left; height: 70pt; vertical-align: top; }
td.opinion { height: 110pt; }
td.sign p { margin: 0 0 6pt; }
td.sign .seal { text-align: right; margin: 24pt 80pt 4pt 0; }
td.sign .date { text-align: right; margin-right: 24pt; }
</style>
</head>
<body>
<h1>${esc(p.title)}</h1>
<table>
${basicSection(p)}
${applicationSection(p)}
${educationSection(p)}
${workSection(p)}
${languageSection(p)}
${signatureSection()}
</table>
</body>
</html>
`;
}

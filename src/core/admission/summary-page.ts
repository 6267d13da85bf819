/** The printable 拟录取学员汇总表: one A4 page (or run of pages) per table, each with its title and seal line. */
import { escapeHtml, TABLE_CSS } from './html';

type Table = { title: string; columns: readonly string[]; rows: string[][] };

const MONO_COLUMNS = new Set(['身份证号', '手机号']);

function tableSection(t: Table, baseName: string): string {
  const mono = t.columns.map((c) => MONO_COLUMNS.has(c));
  const rows =
    t.rows.length === 0
      ? `<tr><td colspan="${t.columns.length}">（无拟录取学员）</td></tr>`
      : t.rows
          .map((r) => `<tr>${r.map((v, i) => `<td${mono[i] ? ' class="mono"' : ''}>${escapeHtml(v)}</td>`).join('')}</tr>`)
          .join('\n');
  return `<section class="sheet">
<h1>${escapeHtml(t.title)}</h1>
<p class="seal">培训基地（盖章）：${escapeHtml(baseName)}</p>
<table>
<thead><tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

export function summaryPagesHtml(docTitle: string, baseName: string, tables: readonly Table[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(docTitle)}</title>
<style>
@page { size: A4 landscape; margin: 15mm; }
body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; color: #000; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 8pt; }
.seal { font-size: 12pt; margin: 6pt 0 8pt; }
/* Each table is its own page, as the province files them separately. */
.sheet + .sheet { break-before: page; page-break-before: always; }
@media screen { .sheet + .sheet { margin-top: 24pt; padding-top: 16pt; border-top: 1px dashed #888; } }
${TABLE_CSS}
</style>
</head>
<body>
${tables.map((t) => tableSection(t, baseName)).join('\n')}
</body>
</html>
`;
}

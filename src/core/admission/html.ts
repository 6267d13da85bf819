/** Self-contained printable pages (A4, no external resources: they are opened offline and printed). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Ruled tables as the province's paper forms have them, header repeated on every printed page. */
export const TABLE_CSS = `table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 3pt 4pt; text-align: center; font-size: 10.5pt; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.mono { font-family: "Courier New", monospace; }`;

export function printablePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; color: #000; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 8pt; }
.meta { font-size: 10.5pt; margin: 6pt 0; }
${TABLE_CSS}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

/** The 备注 given at 公示 (e.g. where to raise an objection), shown under the window; nothing when there is none. */
export function noteParagraph(note: string | null | undefined): string {
  const text = note?.trim();
  return text ? `<p class="meta">备注：${escapeHtml(text)}</p>` : '';
}

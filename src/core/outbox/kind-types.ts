import type { PackageKindName } from '../../shared/contract/outbox';
import { AppError } from '../../shared/errors';
import type { Core, Tx } from '../context';
import type { ZipDay } from './package/zip-write';

/** What a package kind contributes: records by type, and optional XLSX tables, HTML forms and attachments. */
export type Collected = {
  /** data/<type>.json each; the record counts in bag-info come from these. */
  records: Record<string, unknown[]>;
  /** data/<name>.xlsx: the same tables for people. */
  tables?: Array<{ name: string; bytes: Uint8Array }>;
  /** data/forms/<name>.html: printable forms. */
  forms?: Array<{ name: string; html: string }>;
  /** data/attachments/<sha256>.<ext> from files on disk (streamed, never loaded). */
  attachments?: Array<{ path: string; filePath: string }>;
};

export type CollectContext = { cohortYear: number; baseName: string; baseCode: string; baggingDate: string; day: ZipDay };

export type PackageKindDef = {
  kind: PackageKindName;
  label: string;
  /** Version of this kind's record schemas (bag-info Schema-Version). Bump when a record shape changes. */
  schemaVersion: number;
  /** Tables the kind reads; a kind whose feature has not shipped its migration yet is not ready. */
  requiredTables: readonly string[];
  collect(tx: Tx, core: Core, ctx: CollectContext): Promise<Collected>;
};

export function emptyKind(def: PackageKindDef, what: string): AppError {
  return new AppError('PKG_EMPTY', `没有可报送的${what}，无法生成“${def.label}”数据包。请先录入数据。`, { kind: def.kind });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A printable A4 table; the same markup for every kind. */
export function htmlTable(
  title: string,
  subtitle: string,
  headers: string[],
  rows: Array<Array<string | number | null>>,
): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c === null ? '' : String(c))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>@page{size:A4;margin:15mm}body{font-family:"SimSun","Songti SC",serif;font-size:11pt}h1{font-size:16pt;text-align:center}
p{text-align:center}table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:2px 4px}th{background:#eee}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}

import { AppError } from '../../../shared/errors';
import { formatTagFile, parseTagFile } from './bagit';

/** What a package says about itself; everything here ends up in bag-info.txt. */
export type PackageMeta = {
  /** Client-minted package id (RFC 4122/9562, lower-case): the idempotency key at the intake. */
  uuid: string;
  /** Base code, e.g. "GD-0102". Letters, digits, "_" and "-" only (it goes into the trusted comment). */
  baseCode: string;
  /** Base name, for people (Source-Organization). */
  baseName: string;
  /** Package kind, e.g. "enrolment". Lower-case letters, digits and "-". */
  kind: string;
  cohortYear: number;
  schemaVersion: number;
  /** Per base and kind, increasing; lets the intake spot gaps and reorderings. */
  sequence: number;
  /** YYYY-MM-DD, given by the caller (never read from the clock) so builds are reproducible. */
  baggingDate: string;
};

export type BagInfo = PackageMeta & {
  recordCounts: Record<string, number>;
  payloadOxum: { octets: number; count: number };
};

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const BASE_CODE_RE = /^[A-Za-z0-9_-]{1,32}$/;
export const KIND_RE = /^[a-z][a-z0-9-]{0,39}$/;
export const RECORD_NAME_RE = /^[a-z][a-z0-9_-]{0,63}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the first problem with the metadata (in Chinese), or null. */
export function packageMetaProblem(m: PackageMeta): string | null {
  if (!UUID_RE.test(m.uuid)) return `数据包编号 "${m.uuid}" 不是小写 UUID`;
  if (!BASE_CODE_RE.test(m.baseCode)) return `基地代码 "${m.baseCode}" 只能包含字母、数字、"_" 和 "-"（1–32 个字符）`;
  if (m.baseName.trim() === '' || /[\r\n]/.test(m.baseName) || m.baseName.length > 200)
    return '基地名称不能为空、不能换行、不超过 200 字';
  if (!KIND_RE.test(m.kind)) return `数据包类型 "${m.kind}" 只能包含小写字母、数字和 "-"`;
  if (!Number.isInteger(m.cohortYear) || m.cohortYear < 2000 || m.cohortYear > 2100) return `届别年份 ${m.cohortYear} 不合理`;
  if (!Number.isInteger(m.schemaVersion) || m.schemaVersion < 1) return `数据结构版本 ${m.schemaVersion} 应为正整数`;
  if (!Number.isSafeInteger(m.sequence) || m.sequence < 1) return `序号 ${m.sequence} 应为正整数`;
  if (!isValidDate(m.baggingDate)) return `打包日期 "${m.baggingDate}" 应为有效的 YYYY-MM-DD 日期`;
  return null;
}

export function assertPackageMeta(m: PackageMeta): void {
  const p = packageMetaProblem(m);
  if (p) throw new AppError('PKG_INPUT_INVALID', `无法生成数据包：${p}。`);
}

export function formatBagInfo(info: BagInfo): string {
  const labels: Array<[string, string]> = [
    ['Source-Organization', info.baseName],
    ['External-Identifier', info.uuid],
    ['Base-Code', info.baseCode],
    ['Package-Kind', info.kind],
    ['Cohort-Year', String(info.cohortYear)],
    ['Schema-Version', String(info.schemaVersion)],
    ['Sequence-Number', String(info.sequence)],
  ];
  for (const name of Object.keys(info.recordCounts).sort()) {
    labels.push(['Record-Count', `${name}=${info.recordCounts[name]}`]);
  }
  labels.push(['Bagging-Date', info.baggingDate]);
  labels.push(['Payload-Oxum', `${info.payloadOxum.octets}.${info.payloadOxum.count}`]);
  return formatTagFile(labels);
}

export type BagInfoParse = { ok: true; info: BagInfo } | { ok: false; message: string };

const SINGLE_LABELS = [
  'Source-Organization',
  'External-Identifier',
  'Base-Code',
  'Package-Kind',
  'Cohort-Year',
  'Schema-Version',
  'Sequence-Number',
  'Bagging-Date',
  'Payload-Oxum',
] as const;

/** Parses and validates bag-info.txt against the BaseDesk profile. */
export function parseBagInfo(text: string): BagInfoParse {
  const parsed = parseTagFile(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const single = new Map<string, string>();
  const recordCounts: Record<string, number> = {};
  for (const [label, value] of parsed.labels) {
    if (label === 'Record-Count') {
      const m = /^([a-z][a-z0-9_-]{0,63})=(\d{1,15})$/.exec(value);
      if (!m) return { ok: false, message: `Record-Count "${value}" 应为 "类型=数量"` };
      if (Object.hasOwn(recordCounts, m[1]!)) return { ok: false, message: `Record-Count 重复列出了 ${m[1]}` };
      recordCounts[m[1]!] = Number(m[2]);
      continue;
    }
    if ((SINGLE_LABELS as readonly string[]).includes(label)) {
      if (single.has(label)) return { ok: false, message: `标签 ${label} 出现了多次` };
      single.set(label, value);
    }
    // Other labels are allowed by BagIt and ignored here.
  }
  for (const l of SINGLE_LABELS) {
    if (!single.has(l)) return { ok: false, message: `缺少标签 ${l}` };
  }
  const int = (l: string): number => (/^\d{1,15}$/.test(single.get(l)!) ? Number(single.get(l)) : NaN);
  const oxum = /^(\d{1,15})\.(\d{1,15})$/.exec(single.get('Payload-Oxum')!);
  if (!oxum) return { ok: false, message: `Payload-Oxum "${single.get('Payload-Oxum')}" 应为 "字节数.文件数"` };
  const info: BagInfo = {
    baseName: single.get('Source-Organization')!,
    uuid: single.get('External-Identifier')!,
    baseCode: single.get('Base-Code')!,
    kind: single.get('Package-Kind')!,
    cohortYear: int('Cohort-Year'),
    schemaVersion: int('Schema-Version'),
    sequence: int('Sequence-Number'),
    baggingDate: single.get('Bagging-Date')!,
    recordCounts,
    payloadOxum: { octets: Number(oxum[1]), count: Number(oxum[2]) },
  };
  const problem = packageMetaProblem(info);
  if (problem) return { ok: false, message: problem };
  return { ok: true, info };
}

/** Seconds since the epoch at 00:00 UTC of the bagging date: the signature timestamp, reproducible. */
export function baggingTimestamp(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}

function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/**
 * Schemas of the files exchanged with interviewer laptops. These files arrive on a USB stick from another
 * machine: they are parsed against these schemas before anything reads a field, so a damaged or foreign
 * file is refused with a coded error instead of failing half-way through an import.
 */
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  BUNDLE_FILE_KIND,
  SESSION_FILE_KIND,
  STATION_FORMAT_VERSION,
  type BundleFile,
  type BundlePayload,
  type SessionFile,
  type StationKeyJson,
} from './format';

const count = z.number().int().nonnegative();

const stationKey = z.object({ keyId: z.string(), publicKey: z.string(), secretKey: z.string() });

const sessionFile = z.object({
  kind: z.literal(SESSION_FILE_KIND),
  formatVersion: count,
  schemaVersion: count,
  coordinatorStationId: z.string().min(1),
  interviewer: z.string().min(1),
  session: z.object({
    id: z.string().min(1),
    name: z.string(),
    date: z.string(),
    site: z.string(),
    cohortYear: z.number().int(),
    items: z.array(z.object({ key: z.string().min(1), name: z.string(), max: z.number().positive() })).min(1),
    aggregation: z.enum(['mean', 'trimmed-mean']),
    seed: count,
    panel: z.array(z.object({ username: z.string().min(1), head: z.boolean() })).min(1),
  }),
  candidates: z.array(z.object({ id: z.string().min(1), drawNo: count, name: z.string() })),
  key: stationKey,
});

const bundleFile = z.object({ kind: z.literal(BUNDLE_FILE_KIND), payload: z.string(), signature: z.string() });

const bundlePayload = z.object({
  kind: z.literal(BUNDLE_FILE_KIND),
  formatVersion: count,
  schemaVersion: count,
  appVersion: z.string(),
  stationId: z.string().min(1),
  sessionId: z.string().min(1),
  interviewer: z.string().min(1),
  createdAt: z.string(),
  headSeq: count,
  events: z.array(z.record(z.string(), z.unknown())),
});

/** The fields of a score fact the bundle check looks at (the rest is checked by the projection). */
const scoreFact = z.looseObject({ sessionId: z.string().optional(), interviewer: z.string().optional() });

function format(code: string, message: string): AppError {
  return new AppError(code, message);
}

const versions = z.looseObject({ formatVersion: z.number(), schemaVersion: z.number() });

/**
 * The versions a file declares, read before its shape is checked: a file from a newer BaseDesk may have
 * a different shape, and the right answer to it is "upgrade", not "damaged".
 */
export function declaredVersions(obj: unknown): { formatVersion: number; schemaVersion: number } | null {
  const r = versions.safeParse(obj);
  return r.success ? r.data : null;
}

function isNewer(obj: unknown, schemaVersion: number): boolean {
  const v = declaredVersions(obj);
  return v !== null && (v.formatVersion > STATION_FORMAT_VERSION || v.schemaVersion > schemaVersion);
}

export function parseSessionFile(obj: unknown, schemaVersion: number): SessionFile {
  if (isNewer(obj, schemaVersion)) {
    throw format('BUNDLE_NEWER_VERSION', '该评分文件来自更新版本的 BaseDesk，本机无法使用：请先升级本机 BaseDesk。');
  }
  const r = sessionFile.safeParse(obj);
  if (!r.success) throw format('SESSION_FILE_FORMAT', '离线评分文件格式不正确（内容缺失或被改动）：请在住培办主机上重新导出。');
  return r.data;
}

export function parseBundleFile(obj: unknown): BundleFile {
  const r = bundleFile.safeParse(obj);
  if (!r.success) throw format('BUNDLE_FORMAT', '评分包格式不正确：缺少内容或签名。');
  return r.data;
}

/** The signed payload text of a bundle, after its signature was checked. */
export function parseBundlePayload(text: string, schemaVersion: number): BundlePayload {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw format('BUNDLE_FORMAT', '评分包内容无法解析。');
  }
  const kind = (raw as { kind?: unknown } | null)?.kind;
  if (kind !== BUNDLE_FILE_KIND) throw format('BUNDLE_FORMAT', '评分包内容类型不正确。');
  if (isNewer(raw, schemaVersion)) {
    throw format(
      'BUNDLE_NEWER_VERSION',
      `评分包来自更新版本的 BaseDesk（数据版本 ${declaredVersions(raw)!.schemaVersion}，本机 ${schemaVersion}）：请先升级本机 BaseDesk 再导入，评分包请妥善保存。`,
    );
  }
  const r = bundlePayload.safeParse(raw);
  if (!r.success) throw format('BUNDLE_FORMAT', '评分包内容格式不正确（字段缺失或类型不对）。');
  return r.data;
}

/** A station key this laptop stored itself (station_assignments.key_json). */
export function parseStationKey(json: string): StationKeyJson {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = null;
  }
  const r = stationKey.safeParse(raw);
  if (!r.success) throw format('STATION_KEY_INVALID', '本机保存的评分设备密钥无法读取：请重新导入住培办导出的离线评分文件。');
  return r.data;
}

/**
 * The session and interviewer a score fact (mark or absence event) names, from its payload already parsed
 * as JSON (undefined when it was not JSON); {} when it names none.
 */
export function scoreFactOf(payload: unknown): { sessionId?: string | undefined; interviewer?: string | undefined } {
  const r = scoreFact.safeParse(payload);
  return r.success ? r.data : {};
}

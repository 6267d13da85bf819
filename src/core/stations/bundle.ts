/**
 * Signed station bundles. A laptop exports its whole event chain (seq 1..head) with its station id and
 * schema version, as canonical JSON signed with the Ed25519 key the coordinator registered for that
 * interviewer and session (minisign format, so it can be checked without BaseDesk). The coordinator
 * verifies everything before writing anything, then adds the events it does not have yet into `events`
 * under the laptop's station id and projects the score facts. Importing the same bundle again, an older
 * one, or bundles of several laptops in any order ends in the same state; different scores for the same
 * interviewer, candidate and item stay side by side as a conflict for the panel head.
 */
import { createHash } from 'node:crypto';
import type { FileOutput, StationImportReport } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { EVENT_FORMAT_VERSION, GENESIS_HASH, appendEvent, type StoredEvent } from '../audit/events';
import { decodeHlc } from '../audit/hlc';
import type { Actor, Core, Tx } from '../context';
import {
  parseMinisignPublicKey,
  parseMinisignSignature,
  signMinisign,
  signingKeyFromSeed,
  verifyMinisignSignature,
} from '../crypto';
import { ABSENT_ACTION, MARK_ACTION, absenceRowOf, conflictCount, markRowOf } from '../scores/marks';
import { canonicalJson } from '../util/canonical-json';
import { isoNow } from '../util/clock';
import {
  BUNDLE_FILE_KIND,
  SESSION_FILE_KIND,
  STATION_FORMAT_VERSION,
  type BundleFile,
  type BundlePayload,
  type SessionFile,
} from './format';
import { parseBundleFile, parseBundlePayload, parseSessionFile, parseStationKey, scoreFactOf } from './schemas';
import { importSessionFile } from './session-file';
import { insertBatch } from '../db/insert-batch';
import { EVENT_COLUMNS, flatEventHash } from '../audit/flat-event-hash';
import type { InterviewAbsenceTable, InterviewMarkTable } from '../scores/tables';

const MARK_FIELDS = [
  'id',
  'station_id',
  'event_id',
  'session_id',
  'candidate_id',
  'interviewer',
  'item_key',
  'value',
  'unable',
  'supersedes_json',
  'reason',
  'actor',
  'hlc',
] as const satisfies ReadonlyArray<keyof InterviewMarkTable>;

const ABSENCE_FIELDS = [
  'id',
  'station_id',
  'event_id',
  'session_id',
  'candidate_id',
  'actor',
  'hlc',
] as const satisfies ReadonlyArray<keyof InterviewAbsenceTable>;

export async function exportBundle(core: Core, input: { sessionId?: string | undefined }): Promise<FileOutput> {
  const assignments = await core.db.selectFrom('station_assignments').selectAll().execute();
  const a = input.sessionId
    ? assignments.find((x) => x.session_id === input.sessionId)
    : assignments.length === 1
      ? assignments[0]
      : undefined;
  if (!a) {
    throw new AppError(
      'STATION_NOT_ASSIGNED',
      assignments.length > 1 ? '本机准备了多个面试场次，请指定要导出的场次。' : '本机没有导入离线评分文件，不能导出评分包。',
    );
  }
  const k = parseStationKey(a.key_json);
  const key = signingKeyFromSeed(
    Buffer.from(k.keyId, 'base64'),
    Buffer.from(k.secretKey, 'base64'),
    Buffer.from(k.publicKey, 'base64'),
  );
  const events = (await core.db
    .selectFrom('events')
    .selectAll()
    .where('station_id', '=', core.stationId)
    .orderBy('seq')
    .execute()) as StoredEvent[];
  const payload: BundlePayload = {
    kind: BUNDLE_FILE_KIND,
    formatVersion: STATION_FORMAT_VERSION,
    schemaVersion: core.schemaVersion,
    appVersion: core.appVersion,
    stationId: core.stationId,
    sessionId: a.session_id,
    interviewer: a.interviewer,
    createdAt: isoNow(core.clock),
    headSeq: events.length === 0 ? 0 : events[events.length - 1]!.seq,
    events: events.map((e) => ({ ...e })),
  };
  const text = canonicalJson(payload);
  const signature = signMinisign(Buffer.from(text, 'utf8'), key, {
    trustedComment: `station:${core.stationId} session:${a.session_id} interviewer:${encodeURIComponent(a.interviewer)} seq:${payload.headSeq}`,
  });
  const file: BundleFile = { kind: BUNDLE_FILE_KIND, payload: text, signature };
  return {
    fileName: `评分包-${a.interviewer}-${payload.headSeq}.basedesk-bundle.json`,
    contentBase64: Buffer.from(JSON.stringify(file), 'utf8').toString('base64'),
  };
}

function bad(code: string, message: string): never {
  throw new AppError(code, message);
}

/** Reads either file kind; anything else (including a cut-off file) is refused before any write. */
export function parseStationFile(
  bytes: Uint8Array,
  schemaVersion: number,
): { kind: 'session'; file: SessionFile } | { kind: 'bundle'; file: BundleFile } {
  let obj: unknown;
  try {
    obj = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    bad('BUNDLE_TRUNCATED', '文件不完整或已损坏（不是完整的 JSON）：可能复制时被截断。请从面试官电脑重新导出。');
  }
  const kind = (obj as { kind?: unknown } | null)?.kind;
  if (kind === SESSION_FILE_KIND) return { kind: 'session', file: parseSessionFile(obj, schemaVersion) };
  if (kind === BUNDLE_FILE_KIND) return { kind: 'bundle', file: parseBundleFile(obj) };
  bad('BUNDLE_FORMAT', '这不是 BaseDesk 的离线评分文件或评分包。');
}

export async function importStationFile(core: Core, actor: Actor, bytes: Uint8Array): Promise<StationImportReport> {
  const parsed = parseStationFile(bytes, core.schemaVersion);
  if (parsed.kind === 'session') return importSessionFile(core, actor, parsed.file);
  return importBundle(core, actor, parsed.file, createHash('sha256').update(bytes).digest('hex'));
}

/**
 * A received event's row: exactly the stored columns, a missing one as null. Written out field by field
 * (the type check keeps it equal to EVENT_COLUMNS): a loop over the names cost more than the hash chain's
 * string building for a 5,000-event bundle.
 */
function storedEventOf(r: Record<string, unknown>): StoredEvent {
  const e = {
    id: r.id ?? null,
    station_id: r.station_id ?? null,
    seq: r.seq ?? null,
    hlc: r.hlc ?? null,
    actor: r.actor ?? null,
    action: r.action ?? null,
    entity: r.entity ?? null,
    entity_id: r.entity_id ?? null,
    before_json: r.before_json ?? null,
    after_json: r.after_json ?? null,
    reason: r.reason ?? null,
    schema_version: r.schema_version ?? null,
    prev_hash: r.prev_hash ?? null,
    hash: r.hash ?? null,
  } satisfies Record<(typeof EVENT_COLUMNS)[number], unknown>;
  return e as StoredEvent;
}

/** A score fact of the bundle's session with its payload (after_json), parsed once for check and projection. */
type SessionFact = { event: StoredEvent; payload: unknown };

type Verified = {
  payload: BundlePayload;
  events: StoredEvent[];
  /** The score facts of the bundle's own session, in chain order. */
  sessionFacts: SessionFact[];
  session: string;
  interviewer: string;
};

async function verifyBundle(tx: Tx, core: Core, file: BundleFile): Promise<Verified> {
  const sig = parseMinisignSignature(file.signature);
  const keyIdHex = Buffer.from(sig.keyId).toString('hex');
  const reg = await tx.selectFrom('station_keys').selectAll().where('key_id', '=', keyIdHex).executeTakeFirst();
  if (!reg) {
    bad(
      'STATION_KEY_UNKNOWN',
      '评分包的签名密钥未在本机登记：它不是由本机为某位面试官导出的离线评分文件所准备的设备。请核实来源。',
    );
  }
  const v = verifyMinisignSignature(Buffer.from(file.payload, 'utf8'), sig, [parseMinisignPublicKey(reg.public_key)]);
  if (!v.ok) bad('BUNDLE_SIGNATURE_INVALID', `评分包签名无效：${v.message}`);
  const payload = parseBundlePayload(file.payload, core.schemaVersion);
  if (payload.formatVersion > STATION_FORMAT_VERSION || payload.schemaVersion > core.schemaVersion) {
    bad(
      'BUNDLE_NEWER_VERSION',
      `评分包来自更新版本的 BaseDesk（数据版本 ${payload.schemaVersion}，本机 ${core.schemaVersion}）：请先升级本机 BaseDesk 再导入，评分包请妥善保存。`,
    );
  }
  if (payload.sessionId !== reg.session_id || payload.interviewer !== reg.username) {
    bad(
      'STATION_KEY_MISMATCH',
      `评分包声称来自面试官「${payload.interviewer}」，但签名密钥登记给「${reg.username}」（或其他场次）。已拒绝。`,
    );
  }
  if (payload.stationId === core.stationId) bad('BUNDLE_OWN_STATION', '这是本机自己的评分包，无需导入。');
  // The chain: contiguous from seq 1, every hash recomputed, every link checked.
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < payload.events.length; i++) {
    const e = storedEventOf(payload.events[i]!);
    const hash = e.hash;
    if (e.station_id !== payload.stationId || e.seq !== i + 1 || e.prev_hash !== prev || flatEventHash(e) !== hash) {
      bad('BUNDLE_CHAIN_BROKEN', `评分包中第 ${i + 1} 条记录与其哈希链不符：内容被改动或缺失。已拒绝，未写入任何数据。`);
    }
    if (e.schema_version > EVENT_FORMAT_VERSION)
      bad('BUNDLE_NEWER_VERSION', '评分包中的记录格式比本机新：请先升级本机 BaseDesk。');
    try {
      decodeHlc(e.hlc);
    } catch {
      bad('BUNDLE_CHAIN_BROKEN', `评分包中第 ${i + 1} 条记录的时间戳格式不正确。已拒绝，未写入任何数据。`);
    }
    prev = hash;
    events.push(e);
  }
  if (payload.headSeq !== events.length) bad('BUNDLE_TRUNCATED', '评分包记录条数与声明不符：文件不完整。');
  return { payload, events, sessionFacts: sessionFacts(events, payload), session: reg.session_id, interviewer: reg.username };
}

/**
 * The bundle's score facts (marks and absences) for its own session, each payload parsed once. They must be
 * this interviewer's, or the whole bundle is refused.
 */
function sessionFacts(events: readonly StoredEvent[], payload: BundlePayload): SessionFact[] {
  const out: SessionFact[] = [];
  for (const e of events) {
    if (e.action !== MARK_ACTION && e.action !== ABSENT_ACTION) continue;
    const raw = parsedJson(e.after_json);
    const p = scoreFactOf(raw);
    if (p.sessionId !== payload.sessionId) continue;
    if (e.action === MARK_ACTION && p.interviewer !== payload.interviewer) {
      bad(
        'STATION_INTERVIEWER_MISMATCH',
        `评分包中含有其他面试官「${p.interviewer}」的评分，而该设备只登记给「${payload.interviewer}」。已拒绝。`,
      );
    }
    out.push({ event: e, payload: raw });
  }
  return out;
}

/** A fact's after_json as JSON, or undefined when it is missing or not JSON (then it names no session). */
function parsedJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? '{}');
  } catch {
    return undefined;
  }
}

async function importBundle(core: Core, actor: Actor, file: BundleFile, sha256: string): Promise<StationImportReport> {
  return core.db.transaction().execute(async (tx) => {
    const { payload, events, sessionFacts: facts } = await verifyBundle(tx, core, file);
    const have = (await tx
      .selectFrom('events')
      .select(['seq', 'hash'])
      .where('station_id', '=', payload.stationId)
      .orderBy('seq')
      .execute()) as Array<{ seq: number; hash: string }>;
    // What we already hold of this station must be a prefix of (or equal to) the bundle, or vice versa.
    for (const h of have) {
      const e = events[h.seq - 1];
      if (e && e.hash !== h.hash) {
        bad('BUNDLE_FORK', `该设备（${payload.stationId}）第 ${h.seq} 条记录与之前导入的不同：设备数据被重置或篡改。已拒绝。`);
      }
    }
    const fresh = events.slice(have.length);
    insertBatch(core.raw, 'events', EVENT_COLUMNS, fresh);
    if (fresh.length > 0) {
      const last = fresh[fresh.length - 1]!;
      await tx
        .insertInto('event_heads')
        .values({ station_id: payload.stationId, seq: last.seq, hash: last.hash })
        .onConflict((oc) => oc.column('station_id').doUpdateSet({ seq: last.seq, hash: last.hash }))
        .execute();
      core.hlc.receive(last.hlc);
    }
    // Project every score fact of this session (not only the new events): a fact stored earlier by a
    // bundle signed for another session of the same laptop is projected when its own key vouches for it.
    const rows = factRows(facts);
    const stored = await sessionMarks(tx, payload.sessionId);
    const marks = insertBatch(core.raw, 'interview_marks', MARK_FIELDS, rows.marks, { skipExisting: 'id' });
    const absences = insertBatch(core.raw, 'interview_absences', ABSENCE_FIELDS, rows.absences, { skipExisting: 'id' });
    const already =
      (await tx.selectFrom('station_imports').select('sha256').where('sha256', '=', sha256).executeTakeFirst()) !== undefined;
    const conflicts = countConflicts(withProjected(stored, rows.marks));
    const report: StationImportReport = {
      kind: 'bundle',
      stationId: payload.stationId,
      sessionId: payload.sessionId,
      eventsAdded: fresh.length,
      marksAdded: marks,
      absencesAdded: absences,
      alreadyImported: fresh.length === 0 && marks === 0 && absences === 0,
      conflicts,
    };
    if (report.alreadyImported) return report;
    if (!already) {
      await tx
        .insertInto('station_imports')
        .values({
          sha256,
          station_id: payload.stationId,
          head_seq: payload.headSeq,
          events_added: fresh.length,
          imported_at: isoNow(core.clock),
        })
        .execute();
    }
    await appendEvent(tx, core, actor.username, {
      action: 'stations.importBundle',
      entity: 'station',
      entityId: payload.stationId,
      after: {
        sha256,
        sessionId: payload.sessionId,
        interviewer: payload.interviewer,
        headSeq: payload.headSeq,
        eventsAdded: fresh.length,
        marks,
        absences,
        conflicts,
      },
    });
    return report;
  });
}

/** The interview_marks and interview_absences rows the score facts project to. */
function factRows(facts: readonly SessionFact[]): { marks: InterviewMarkTable[]; absences: InterviewAbsenceTable[] } {
  const marks: InterviewMarkTable[] = [];
  const absences: InterviewAbsenceTable[] = [];
  for (const f of facts) {
    if (f.event.action === MARK_ACTION) marks.push(markRowOf(f.event, f.payload));
    else absences.push(absenceRowOf(f.event, f.payload));
  }
  return { marks, absences };
}

/** The columns of a stored mark that decide the session's conflicts. */
type DecidingMark = Pick<
  InterviewMarkTable,
  'id' | 'interviewer' | 'item_key' | 'value' | 'unable' | 'supersedes_json' | 'candidate_id'
>;

/**
 * The session's marks as stored before this import's projection. Read before, not after: the marks the
 * bundle adds are already in memory, so a first import reads nothing back (reading back a 5,000-score bundle's
 * marks took about 9 ms of SQLite), and only the columns that decide a conflict (every column cost twice as much).
 */
async function sessionMarks(tx: Tx, sessionId: string): Promise<DecidingMark[]> {
  return tx
    .selectFrom('interview_marks')
    .select(['id', 'interviewer', 'item_key', 'value', 'unable', 'supersedes_json', 'candidate_id'])
    .where('session_id', '=', sessionId)
    .execute();
}

/** The session's marks after projecting `projected`: a mark whose id is already stored is not added again. */
function withProjected(stored: readonly DecidingMark[], projected: readonly DecidingMark[]): DecidingMark[] {
  const ids = new Set(stored.map((m) => m.id));
  const all = [...stored];
  for (const m of projected) {
    if (ids.has(m.id)) continue;
    ids.add(m.id);
    all.push(m);
  }
  return all;
}

/** Conflicts of the session after the import, as the panel head will see them. */
function countConflicts(marks: readonly DecidingMark[]): number {
  const byCand = new Map<string, DecidingMark[]>();
  for (const m of marks) {
    const list = byCand.get(m.candidate_id);
    if (list === undefined) byCand.set(m.candidate_id, [m]);
    else list.push(m);
  }
  let n = 0;
  for (const ms of byCand.values()) n += conflictCount(ms);
  return n;
}

/**
 * Preparing an interviewer's laptop: the coordinator exports a session file (session, items, panel, the
 * candidates masked to name + draw number, and a signing key registered to that interviewer for that
 * session). The laptop imports it and scores offline. The file carries a private key: treat it like one
 * (hand it over on a USB stick, delete it after import).
 */
import type { FileOutput, StationImportReport } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core } from '../context';
import { generateSigningKey, keyFingerprint, minisignPublicKeyBase64 } from '../crypto';
import { loadSession } from '../scores/interview-session';
import { isoNow } from '../util/clock';
import { SESSION_FILE_KIND, STATION_FORMAT_VERSION, type SessionFile } from './format';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

export async function exportSessionFile(
  core: Core,
  actor: Actor,
  input: { sessionId: string; interviewer: string },
): Promise<FileOutput> {
  return core.db.transaction().execute(async (tx) => {
    const s = await loadSession(tx, input.sessionId);
    if (s.row.origin !== 'local')
      throw new AppError('SESSION_NOT_LOCAL', '这是从离线评分文件导入的场次，只能在住培办主机上导出。');
    if (!s.panel.some((p) => p.username === input.interviewer)) {
      throw new AppError('NOT_ON_PANEL', `「${input.interviewer}」不是本场次专家组成员。`);
    }
    const cands = await tx
      .selectFrom('interview_candidates')
      .select(['id', 'draw_no', 'display_name'])
      .where('session_id', '=', s.row.id)
      .orderBy('draw_no')
      .execute();
    const key = generateSigningKey();
    const keyIdHex = Buffer.from(key.keyId).toString('hex');
    await tx
      .insertInto('station_keys')
      .values({
        key_id: keyIdHex,
        public_key: minisignPublicKeyBase64(key),
        session_id: s.row.id,
        username: input.interviewer,
        created_at: isoNow(core.clock),
      })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'stations.exportSession',
      entity: 'station_key',
      entityId: keyIdHex,
      after: {
        sessionId: s.row.id,
        interviewer: input.interviewer,
        keyFingerprint: keyFingerprint(key),
        publicKey: minisignPublicKeyBase64(key),
      },
    });
    const file: SessionFile = {
      kind: SESSION_FILE_KIND,
      formatVersion: STATION_FORMAT_VERSION,
      schemaVersion: core.schemaVersion,
      coordinatorStationId: core.stationId,
      interviewer: input.interviewer,
      session: {
        id: s.row.id,
        name: s.row.name,
        date: s.row.date,
        site: s.row.site,
        cohortYear: s.row.cohort_year,
        items: s.items,
        aggregation: s.row.aggregation,
        seed: s.row.seed,
        panel: s.panel,
      },
      candidates: cands.map((c) => ({ id: c.id, drawNo: c.draw_no, name: c.display_name })),
      key: { keyId: b64(key.keyId), publicKey: b64(key.publicKey), secretKey: b64(key.secretKey) },
    };
    return {
      fileName: `面试评分-${s.row.date}-${input.interviewer}.basedesk-session.json`,
      contentBase64: Buffer.from(JSON.stringify(file), 'utf8').toString('base64'),
    };
  });
}

export async function importSessionFile(core: Core, actor: Actor, file: SessionFile): Promise<StationImportReport> {
  if (file.formatVersion > STATION_FORMAT_VERSION || file.schemaVersion > core.schemaVersion) {
    throw new AppError('BUNDLE_NEWER_VERSION', '该评分文件来自更新版本的 BaseDesk，本机无法使用：请先升级本机 BaseDesk。');
  }
  if (file.coordinatorStationId === core.stationId) {
    throw new AppError('SESSION_FILE_OWN_STATION', '这是本机导出的离线评分文件，应在面试官的电脑上导入。');
  }
  return core.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('station_assignments')
      .selectAll()
      .where('session_id', '=', file.session.id)
      .executeTakeFirst();
    const report: StationImportReport = {
      kind: 'session',
      stationId: core.stationId,
      sessionId: file.session.id,
      eventsAdded: 0,
      marksAdded: 0,
      absencesAdded: 0,
      alreadyImported: false,
      conflicts: 0,
    };
    if (existing) {
      if (existing.interviewer !== file.interviewer || existing.key_json !== JSON.stringify(file.key)) {
        throw new AppError(
          'STATION_ALREADY_ASSIGNED',
          `本机已为面试官「${existing.interviewer}」准备过此场次，不能再导入另一份评分文件。`,
        );
      }
      return { ...report, alreadyImported: true };
    }
    const s = file.session;
    await tx
      .insertInto('interview_sessions')
      .values({
        id: s.id,
        cohort_year: s.cohortYear,
        name: s.name,
        date: s.date,
        site: s.site,
        items_json: JSON.stringify(s.items),
        aggregation: s.aggregation,
        seed: s.seed,
        component: 'interview',
        origin: 'station',
        created_by: actor.username,
        created_at: isoNow(core.clock),
      })
      .execute();
    for (const p of s.panel)
      await tx
        .insertInto('interview_panel')
        .values({ session_id: s.id, username: p.username, is_head: p.head ? 1 : 0 })
        .execute();
    for (const c of file.candidates) {
      await tx
        .insertInto('interview_candidates')
        .values({ id: c.id, session_id: s.id, applicant_id: null, draw_no: c.drawNo, display_name: c.name })
        .execute();
    }
    await tx
      .insertInto('station_assignments')
      .values({
        session_id: s.id,
        interviewer: file.interviewer,
        key_json: JSON.stringify(file.key),
        created_at: isoNow(core.clock),
      })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'stations.importSession',
      entity: 'interview_session',
      entityId: s.id,
      after: { interviewer: file.interviewer, candidates: file.candidates.length, keyId: file.key.keyId },
    });
    return { ...report, eventsAdded: 1 };
  });
}

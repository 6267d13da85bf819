/**
 * The purge: always explicit (a reason, admin or coordinator), never part of another action.
 *
 * Database part in one transaction: what is due is recomputed inside it, each due applicant's personal data
 * is cleared (a tombstone row keeps its random id, the year, category, choices, 现场确认 outcome and
 * `purged_at`, so counts, scores, admission runs and their fingerprints stay consistent), their scan rows are
 * removed, and due packages are marked `file_purged_at` (uuid, sha512 and receipt stay). One audit event
 * carries the counts, never personal data. Files are deleted after the commit: a crash in between leaves a
 * file the next purge removes, never a record pointing at nothing.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import type { RetentionPurgeResult } from '../../shared/contract/retention';
import { attachmentsDir } from '../attachments/store';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { outboxDir } from '../outbox/build';
import { isoNow } from '../util/clock';
import { nonAdmittedIds, retentionPreview } from './due';
import { secureUnlinkAll } from './secure-delete';

/** What the screens show for a purged person. */
export const PURGED_NAME = '已清理';

const CHUNK = 500;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** Every column that identifies or describes the person; what the allocation reads is kept. */
function tombstone(now: string) {
  return {
    id_number: '',
    name: PURGED_NAME,
    name_initials: '',
    sex: null,
    ethnicity: null,
    birth_date: null,
    phone: null,
    email: null,
    highest_education: null,
    highest_degree: null,
    school: null,
    major: null,
    graduation_date: null,
    full_time: null,
    employer: null,
    qualification_cert_no: null,
    practising_cert_no: null,
    photo_sha256: null,
    extra_json: '{}',
    source_file: null,
    source_row: null,
    content_hash: '',
    checklist_json: null,
    decision_reason: null,
    enrolled_student: null,
    rural_breach: null,
    rural_county: null,
    discipline: null,
    supplied_json: null,
    checklist_attested_json: null,
    rules_override_json: null,
    id_tail_key: null,
    phone_tail_key: null,
    updated_at: now,
    purged_at: now,
  };
}

/**
 * Rows of other features that hold only this person's details (the paper 报名表's extra fields, clinical
 * experience claimed for a reduction with its proof scan, the reduction record). Written as plain SQL on the
 * tables that exist, so the purge does not depend on those features' types; returns the proof scans.
 */
const LINKED_PERSONAL_TABLES = ['applicant_paper_forms', 'reduction_experiences', 'reduction_records'] as const;

async function existingTables(tx: Tx): Promise<Set<string>> {
  const rows = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(tx);
  return new Set(rows.rows.map((r) => r.name));
}

async function deleteLinkedRows(tx: Tx, part: string[], tables: Set<string>): Promise<string[]> {
  const ids = sql.join(part.map((id) => sql`${id}`));
  const proofs: string[] = [];
  if (tables.has('reduction_experiences')) {
    const rows = await sql<{ proof_sha256: string | null }>`SELECT proof_sha256 FROM reduction_experiences
      WHERE applicant_id IN (${ids})`.execute(tx);
    for (const r of rows.rows) if (r.proof_sha256) proofs.push(r.proof_sha256);
  }
  for (const table of LINKED_PERSONAL_TABLES)
    if (tables.has(table)) await sql`DELETE FROM ${sql.table(table)} WHERE applicant_id IN (${ids})`.execute(tx);
  return proofs;
}

/** Clears one batch of applicants; returns the scan files their rows pointed at. */
async function purgeApplicants(tx: Tx, ids: string[], now: string): Promise<string[]> {
  const files = new Set<string>();
  const tables = await existingTables(tx);
  for (const part of chunks(ids)) {
    for (const proof of await deleteLinkedRows(tx, part, tables)) files.add(proof);
    const scans = await tx.selectFrom('applicant_attachments').select('sha256').where('applicant_id', 'in', part).execute();
    const photos = await tx.selectFrom('applicants').select('photo_sha256').where('id', 'in', part).execute();
    for (const s of scans) files.add(s.sha256);
    for (const p of photos) if (p.photo_sha256) files.add(p.photo_sha256);
    await tx.deleteFrom('applicant_attachments').where('applicant_id', 'in', part).execute();
    await tx.updateTable('applicants').set(tombstone(now)).where('id', 'in', part).execute();
    await tx.updateTable('interview_candidates').set({ display_name: PURGED_NAME }).where('applicant_id', 'in', part).execute();
  }
  return [...files];
}

type Planned = {
  years: Array<{ cohortYear: number; applicants: number }>;
  blobs: string[];
  packages: Array<{ uuid: string; fileName: string; bytes: number }>;
};

async function purgeInTransaction(core: Core, actor: Actor, reason: string, now: string): Promise<Planned> {
  return core.db.transaction().execute(async (tx) => {
    const preview = await retentionPreview(core, tx);
    const planned: Planned = { years: [], blobs: [], packages: [] };
    for (const y of preview.years.filter((x) => x.due && x.dueApplicants > 0)) {
      const ids = (await nonAdmittedIds(tx, y.cohortYear).execute()).map((r) => r.id);
      planned.blobs.push(...(await purgeApplicants(tx, ids, now)));
      planned.years.push({ cohortYear: y.cohortYear, applicants: ids.length });
    }
    planned.packages = preview.packages.filter((p) => p.due).map((p) => ({ uuid: p.uuid, fileName: p.fileName, bytes: p.bytes }));
    for (const part of chunks(planned.packages.map((p) => p.uuid)))
      await tx.updateTable('outbox').set({ file_purged_at: now }).where('uuid', 'in', part).execute();
    if (planned.years.length === 0 && planned.packages.length === 0) return planned;
    await appendEvent(tx, core, actor.username, {
      action: 'retention.purge',
      entity: 'retention',
      entityId: 'purge',
      after: {
        years: planned.years,
        applicants: planned.years.reduce((n, y) => n + y.applicants, 0),
        files: new Set(planned.blobs).size,
        packages: planned.packages.map((p) => ({ uuid: p.uuid, bytes: p.bytes })),
        settings: preview.settings,
      },
      reason,
    });
    return planned;
  });
}

/** Scan files no remaining row points at (identical scans are stored once and may be shared). */
async function unreferencedBlobs(core: Core, blobs: string[]): Promise<string[]> {
  const unique = [...new Set(blobs)];
  const used = new Set<string>();
  const tables = await existingTables(core.db);
  for (const part of chunks(unique)) {
    for (const r of await core.db.selectFrom('applicant_attachments').select('sha256').where('sha256', 'in', part).execute())
      used.add(r.sha256);
    for (const r of await core.db.selectFrom('applicants').select('photo_sha256').where('photo_sha256', 'in', part).execute())
      if (r.photo_sha256) used.add(r.photo_sha256);
    if (tables.has('reduction_experiences')) {
      const list = sql.join(part.map((x) => sql`${x}`));
      const rows = await sql<{ proof_sha256: string }>`SELECT proof_sha256 FROM reduction_experiences
        WHERE proof_sha256 IN (${list})`.execute(core.db);
      for (const r of rows.rows) used.add(r.proof_sha256);
    }
  }
  return unique.filter((s) => !used.has(s));
}

/** Package files whose record says purged: this purge's, and any a crash left behind earlier. */
async function purgedPackageFiles(core: Core): Promise<string[]> {
  const rows = await core.db.selectFrom('outbox').select('file_name').where('file_purged_at', 'is not', null).execute();
  return rows.map((r) => join(outboxDir(core), r.file_name));
}

async function removeFiles(files: string[], label: string, problems: string[]): Promise<void> {
  for (const message of await secureUnlinkAll(files)) problems.push(`${label}：${message}`);
}

export async function purgeDue(core: Core, actor: Actor, reason: string): Promise<RetentionPurgeResult> {
  const now = isoNow(core.clock);
  const planned = await purgeInTransaction(core, actor, reason, now);
  const problems: string[] = [];
  const blobs = await unreferencedBlobs(core, planned.blobs);
  await removeFiles(
    blobs.map((s) => join(attachmentsDir(core.dataDir), s)),
    '扫描件',
    problems,
  );
  await removeFiles(await purgedPackageFiles(core), '数据包', problems);
  return {
    purgedAt: now,
    applicants: planned.years.reduce((n, y) => n + y.applicants, 0),
    years: planned.years,
    files: blobs.length,
    packages: planned.packages.length,
    packageBytes: planned.packages.reduce((n, p) => n + p.bytes, 0),
    fileProblems: problems,
  };
}

/**
 * Import of trainees of earlier cohorts from the provincial platform's export (XLSX, CSV in UTF-8 or
 * GBK/GB18030). Preview and commit run the same analysis; commit repeats it inside the transaction and
 * writes only when every row is valid (a registry with half a cohort is worse than none). Re-importing the
 * same file changes nothing; a newer file updates by ID number, only the columns it has.
 */
import type { RowProblem } from '../../shared/contract/applicants';
import type {
  TraineeFieldKey,
  TraineeImportChange,
  TraineeImportPreview,
  TraineeImportResult,
} from '../../shared/contract/trainees';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { programOf } from '../admission/followups';
import { maskInText } from '../applicants/privacy';
import { appendEvent } from '../audit/events';
import { currentPreset, programsOf, requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Actor, Core, Tx, WriteTx } from '../context';
import { pinyinInitials } from '../identity';
import { findHeaderRow, readTable, type Sheet, type Table } from '../tabular';
import { isoNow } from '../util/clock';
import { uuidv7, uuidv7Batch } from '../util/uuid7';
import { TRAINEE_HEADER_GROUPS, traineeFieldLabel } from './fields';
import { columnsOf, contentHash, mergeRecord, recordOf } from './record';
import {
  markDuplicateTrainees,
  validateTraineeRow,
  type TraineeRecord,
  type TraineeRowContext,
  type TraineeRowOutcome,
} from './rules/validate-row';
import type { TraineeTable } from './tables';
import type { Insertable } from 'kysely';
import { initialsMemo, insertRows } from '../applicants/import-rows';
import { changeSnapshots } from '../util/record-fields';

export type ImportFile = { fileName: string; bytes: Uint8Array };

/** A base's whole registry is a few thousand rows; larger files are refused before parsing. */
export const MAX_TRAINEE_IMPORT_BYTES = 16 * 1024 * 1024;
const REQUIRED_COLUMNS: readonly TraineeFieldKey[] = ['name', 'idNumber', 'specialty', 'cohortYear'];
/** Without these the stored record falls back to a default; the file gets one warning per column. */
const EXPECTED_COLUMNS: readonly TraineeFieldKey[] = ['program', 'startDate', 'years', 'phone', 'personType'];
const SAMPLE_ROWS = 200;

type Located = { sheet: Sheet; headerIndex: number; columns: Map<TraineeFieldKey, number> };

type RowPlan =
  | { kind: 'new'; outcome: TraineeRowOutcome; record: TraineeRecord }
  | { kind: 'update'; outcome: TraineeRowOutcome; existing: TraineeTable; merged: TraineeRecord; change: TraineeImportChange }
  | { kind: 'unchanged'; outcome: TraineeRowOutcome }
  | { kind: 'rejected'; outcome: TraineeRowOutcome };

type Analysis = { table: Table; located: Located; plans: RowPlan[]; rejected: RowProblem[]; warnings: RowProblem[] };

function locate(table: Table, fileName: string): Located {
  const sheet = table.sheets.find((s) => s.rows.some((r) => r.some((c) => c.text.trim() !== ''))) ?? table.sheets[0]!;
  const match = findHeaderRow(sheet, TRAINEE_HEADER_GROUPS);
  if (!match || !match.columns.has('@name') || !match.columns.has('@idNumber')) {
    throw new AppError(
      'TRAINEES_NO_HEADER',
      `文件「${fileName}」中没有找到在培学员表头（至少需要“姓名”和“证件号码”两列）。请确认选对了文件，或从省平台重新导出学员名单。`,
      { fileName },
    );
  }
  const columns = new Map<TraineeFieldKey, number>();
  for (const [key, i] of match.columns) columns.set(key.slice(1) as TraineeFieldKey, i);
  return { sheet, headerIndex: match.rowIndex, columns };
}

function requireColumns(located: Located, fileName: string): RowProblem[] {
  const missing = REQUIRED_COLUMNS.filter((k) => !located.columns.has(k));
  if (missing.length > 0) {
    throw new AppError(
      'TRAINEES_COLUMNS_MISSING',
      `文件「${fileName}」缺少必需的列：${missing.map(traineeFieldLabel).join('、')}。请从省平台导出包含这些列的学员名单。未导入任何数据。`,
      { fileName, missing, headerRow: located.headerIndex + 1 },
    );
  }
  const headerRow = located.headerIndex + 1;
  return EXPECTED_COLUMNS.filter((k) => !located.columns.has(k)).map((k) => ({
    row: headerRow,
    field: traineeFieldLabel(k),
    code: 'COLUMN_MISSING',
    message: `第 ${headerRow} 行（表头）：文件没有“${traineeFieldLabel(k)}”列，${k === 'program' || k === 'startDate' || k === 'years' ? '将按专业和年级取默认值' : '这一项将空缺'}`,
  }));
}

async function rowContext(tx: Tx, core: Core): Promise<TraineeRowContext> {
  const base = await requireBase(tx);
  const programs = programsOf(base);
  return {
    preset: await currentPreset(tx),
    catalogue: await loadCatalogue(tx),
    programOf: (code, name) => programOf(programs, code, name),
    today: isoNow(core.clock).slice(0, 10),
  };
}

async function existingByIdNumber(tx: Tx, ids: string[]): Promise<Map<string, TraineeTable>> {
  const found = new Map<string, TraineeTable>();
  // Chunks: SQLite's bound-variable limit.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .selectFrom('trainees')
      .selectAll()
      .where('id_number', 'in', ids.slice(i, i + 500))
      .execute();
    for (const t of rows) found.set(t.id_number, t);
  }
  return found;
}

function planRow(o: TraineeRowOutcome, old: TraineeTable | undefined, ctx: TraineeRowContext): RowPlan {
  const record = o.record!;
  if (!old) return { kind: 'new', outcome: o, record };
  if (contentHash(record) === old.content_hash) return { kind: 'unchanged', outcome: o };
  const { merged, changes } = mergeRecord(recordOf(old), record, o.present, ctx.catalogue);
  if (changes.length === 0) return { kind: 'unchanged', outcome: o };
  const change = { row: o.row, traineeId: old.id, idNumber: maskIdNumber(old.id_number), name: merged.name, changes };
  return { kind: 'update', outcome: o, existing: old, merged, change };
}

async function analyse(tx: Tx, core: Core, file: ImportFile, table: Table): Promise<Analysis & { ctx: TraineeRowContext }> {
  const located = locate(table, file.fileName);
  const warnings = requireColumns(located, file.fileName);
  const ctx = await rowContext(tx, core);
  const outcomes: TraineeRowOutcome[] = [];
  const used = [...located.columns.values()];
  for (let r = located.headerIndex + 1; r < located.sheet.rows.length; r++) {
    const cells = located.sheet.rows[r] ?? [];
    if (!used.some((i) => (cells[i]?.text ?? '').trim() !== '')) continue;
    outcomes.push(validateTraineeRow(cells, r + 1, located.columns, ctx));
  }
  if (outcomes.length === 0) {
    throw new AppError('FILE_EMPTY', `文件「${file.fileName}」只有表头，没有任何学员。未导入任何数据。`, {
      fileName: file.fileName,
    });
  }
  markDuplicateTrainees(outcomes);
  const existing = await existingByIdNumber(
    tx,
    outcomes.flatMap((o) => (o.record ? [o.record.idNumber] : [])),
  );
  const plans: RowPlan[] = [];
  const rejected: RowProblem[] = [];
  for (const o of outcomes) {
    warnings.push(...o.warnings);
    if (!o.record) {
      rejected.push(...o.problems);
      plans.push({ kind: 'rejected', outcome: o });
    } else plans.push(planRow(o, existing.get(o.record.idNumber), ctx));
  }
  return { table, located, plans, rejected, warnings, ctx };
}

function count(plans: RowPlan[], kind: RowPlan['kind']): number {
  return plans.filter((p) => p.kind === kind).length;
}

/** Problems quote the values they refuse: ID and phone numbers in them are masked before they leave. */
function masked(problems: RowProblem[]): RowProblem[] {
  return problems.map((p) => ({ ...p, message: maskInText(p.message) }));
}

function readImportTable(file: ImportFile): Promise<Table> {
  return readTable(file, { maxBytes: MAX_TRAINEE_IMPORT_BYTES });
}

export async function previewTraineeImport(core: Core, file: ImportFile): Promise<TraineeImportPreview> {
  const a = await analyse(core.db, core, file, await readImportTable(file));
  const header = a.located.sheet.rows[a.located.headerIndex] ?? [];
  const mapped = new Set(a.located.columns.values());
  const mapping: Record<string, TraineeFieldKey> = {};
  for (const [k, i] of a.located.columns) mapping[header[i]?.text.trim() ?? k] = k;
  return {
    fileName: file.fileName,
    encoding: a.table.encoding ?? null,
    sheet: a.located.sheet.name,
    headerRow: a.located.headerIndex + 1,
    mapping,
    unmappedHeaders: header.filter((c, i) => c.text.trim() !== '' && !mapped.has(i)).map((c) => c.text.trim()),
    rows: a.plans.length,
    imported: count(a.plans, 'new'),
    updated: count(a.plans, 'update'),
    unchanged: count(a.plans, 'unchanged'),
    rejected: masked(a.rejected),
    rejectedRows: count(a.plans, 'rejected'),
    warnings: masked(a.warnings),
    changes: a.plans.flatMap((p) => (p.kind === 'update' ? [p.change] : [])),
    sample: a.plans.slice(0, SAMPLE_ROWS).map((p) => {
      const r = p.outcome.record;
      const idCol = a.located.columns.get('idNumber')!;
      const nameCol = a.located.columns.get('name')!;
      const cells = a.located.sheet.rows[p.outcome.row - 1] ?? [];
      return {
        row: p.outcome.row,
        idNumber: maskIdNumber(r?.idNumber ?? (cells[idCol]?.text.trim() || '')),
        name: r?.name ?? cells[nameCol]?.text.trim() ?? '',
        program: r?.program ?? null,
        specialtyCode: r?.specialtyCode ?? null,
        cohortYear: r?.cohortYear ?? null,
        status: p.kind,
      };
    }),
  };
}

/**
 * New trainees go in as the applicants import writes its rows (import-rows): one prepared statement run per
 * row on the transaction's own connection, the ids from one call for random bytes, initials remembered per
 * name. Through the query builder, compiling 500-row statements cost more than the inserts themselves.
 */
function insertNew(core: Core, plans: RowPlan[], now: string): string[] {
  const news = plans.flatMap((p) => (p.kind === 'new' ? [p.record] : []));
  const ids = uuidv7Batch(news.length, core.clock.nowMs());
  const initials = initialsMemo();
  function* rows() {
    for (let i = 0; i < news.length; i++) {
      const record = news[i]!;
      yield {
        id: ids[i]!,
        ...columnsOf(record),
        name_initials: initials(record.name),
        status: 'active' as const,
        applicant_id: null,
        must_serve_json: null,
        source: 'import' as const,
        content_hash: contentHash(record),
        created_at: now,
        updated_at: now,
      } satisfies Insertable<TraineeTable>;
    }
  }
  insertRows(core.raw, 'trainees', rows());
  return ids;
}

async function applyUpdates(tx: WriteTx, core: Core, actor: Actor, fileName: string, plans: RowPlan[], now: string) {
  const changes: TraineeImportChange[] = [];
  for (const p of plans) {
    if (p.kind !== 'update') continue;
    await tx
      .updateTable('trainees')
      .set({
        ...columnsOf(p.merged),
        name_initials: pinyinInitials(p.merged.name),
        content_hash: contentHash(p.merged),
        updated_at: now,
      })
      .where('id', '=', p.existing.id)
      .execute();
    changes.push(p.change);
    await appendEvent(tx, core, actor.username, {
      action: 'trainee.update',
      entity: 'trainee',
      entityId: p.existing.id,
      ...changeSnapshots(p.change.changes),
      reason: `导入 ${fileName} 第 ${p.outcome.row} 行`,
    });
  }
  return changes;
}

export async function commitTraineeImport(core: Core, actor: Actor, file: ImportFile): Promise<TraineeImportResult> {
  // Parsing needs no database: done before the transaction so nobody waits behind it.
  const table = await readImportTable(file);
  return core.db.transaction().execute(async (tx) => {
    const a = await analyse(tx, core, file, table);
    const rejected = masked(a.rejected);
    const warnings = masked(a.warnings);
    const importId = uuidv7(core.clock.nowMs());
    const unchanged = count(a.plans, 'unchanged');
    // All or nothing: one bad row and the file is sent back whole, with every problem listed.
    if (a.rejected.length > 0) return { imported: 0, updated: 0, unchanged, rejected, warnings, changes: [], importId };
    const now = isoNow(core.clock);
    const created = insertNew(core, a.plans, now);
    const changes = await applyUpdates(tx, core, actor, file.fileName, a.plans, now);
    // Re-importing the same file writes nothing at all, not even an audit entry.
    if (created.length + changes.length > 0) {
      await appendEvent(tx, core, actor.username, {
        action: 'trainees.import',
        entity: 'trainee-import',
        entityId: importId,
        after: {
          file: file.fileName,
          rows: a.plans.length,
          imported: created.length,
          updated: changes.length,
          unchanged,
          created,
        },
      });
    }
    return { imported: created.length, updated: changes.length, unchanged, rejected, warnings, changes, importId };
  });
}

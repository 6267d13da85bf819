/**
 * Import of the provincial platform's applicant export (XLSX, CSV in UTF-8 or GBK/GB18030). Preview and
 * commit run the same analysis; commit repeats it inside the transaction and writes every valid row at
 * once, or nothing. Re-importing the same file changes nothing; a newer file updates by ID number.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ApplicantFieldKey, ImportChange, ImportPreview, ImportResult, RowProblem } from '../../shared/contract/applicants';
import { APPLICANT_FIELD_KEYS } from '../../shared/contract/applicants';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Core, Tx } from '../context';
import { pinyinInitials } from '../identity';
import { findHeaderRow, normalizeHeader, readTable, type Sheet, type Table } from '../tabular';
import { isoNow } from '../util/clock';
import { uuidv7, uuidv7Batch } from '../util/uuid7';
import { FIELDS, HEADER_GROUPS, fieldLabel } from './fields';
import { columnsOf, contentHash, mergeRecord, recordOf } from './record';
import type { ApplicantTable } from './tables';
import { attachPeople } from './rejection-report';
import { markDuplicates, validateRow, type RowContext, type RowOutcome } from './validate-row';
import { changeSnapshots } from '../util/record-fields';
import { initialsMemo } from './import-rows';
import { NewApplicantWriter } from './import-insert';
import { choiceName, fullChoiceList } from './choice-list';

export type ImportFile = { fileName: string; bytes: Uint8Array };
export type ImportOptions = { mapping?: Record<string, ApplicantFieldKey>; headerRow?: number };

/** 100,000 applicants fit in well under this; larger files are refused before parsing. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
const REQUIRED_COLUMNS: readonly ApplicantFieldKey[] = ['name', 'idNumber'];
/** Without these the record is incomplete but still worth importing; the file gets one warning per column. */
const EXPECTED_COLUMNS: readonly ApplicantFieldKey[] = ['phone', 'category', 'choice1'];
const MAPPING_KIND = 'applicants';
const SAMPLE_ROWS = 200;

type Located = {
  sheet: Sheet;
  headerIndex: number;
  columns: Map<ApplicantFieldKey, number>;
  mapping: Record<string, ApplicantFieldKey>;
  source: ImportPreview['mappingSource'];
  signature: string;
};

export function headerSignature(sheet: Sheet, headerIndex: number): string {
  const cells = (sheet.rows[headerIndex] ?? []).map((c) => normalizeHeader(c.text));
  return createHash('sha256').update(cells.join('\u0001'), 'utf8').digest('hex').slice(0, 32);
}

function columnsFromMapping(sheet: Sheet, headerIndex: number, mapping: Record<string, ApplicantFieldKey>) {
  const columns = new Map<ApplicantFieldKey, number>();
  const wanted = new Map(Object.entries(mapping).map(([h, k]) => [normalizeHeader(h), k]));
  (sheet.rows[headerIndex] ?? []).forEach((c, i) => {
    const k = wanted.get(normalizeHeader(c.text));
    if (k && !columns.has(k)) columns.set(k, i);
  });
  return columns;
}

function mappingOf(sheet: Sheet, headerIndex: number, columns: Map<ApplicantFieldKey, number>) {
  const header = sheet.rows[headerIndex] ?? [];
  const mapping: Record<string, ApplicantFieldKey> = {};
  for (const [k, i] of columns) mapping[header[i]?.text.trim() ?? k] = k;
  return mapping;
}

function previewRows(sheet: Sheet): string[][] {
  return sheet.rows.slice(0, 10).map((r) => r.map((c) => c.text.trim()));
}

async function locate(tx: Tx, table: Table, opts: ImportOptions, fileName: string): Promise<Located> {
  const sheet = table.sheets.find((s) => s.rows.some((r) => r.some((c) => c.text.trim() !== ''))) ?? table.sheets[0]!;
  if (opts.mapping) {
    const match = findHeaderRow(sheet, HEADER_GROUPS);
    const headerIndex = opts.headerRow !== undefined ? opts.headerRow - 1 : (match?.rowIndex ?? 0);
    const columns = columnsFromMapping(sheet, headerIndex, opts.mapping);
    return {
      sheet,
      headerIndex,
      columns,
      mapping: opts.mapping,
      source: 'given',
      signature: headerSignature(sheet, headerIndex),
    };
  }
  // A layout mapped once by hand is recognised by its header row's signature.
  const candidates = new Map<string, number>();
  for (let r = Math.min(20, sheet.rows.length) - 1; r >= 0; r--) candidates.set(headerSignature(sheet, r), r);
  const saved = await tx
    .selectFrom('saved_mappings')
    .select(['signature', 'mapping_json'])
    .where('kind', '=', MAPPING_KIND)
    .where('signature', 'in', [...candidates.keys()])
    .execute();
  if (saved.length > 0) {
    const best = saved.map((m) => ({ ...m, row: candidates.get(m.signature)! })).sort((a, b) => a.row - b.row)[0]!;
    const mapping = JSON.parse(best.mapping_json) as Record<string, ApplicantFieldKey>;
    const r = best.row;
    return {
      sheet,
      headerIndex: r,
      columns: columnsFromMapping(sheet, r, mapping),
      mapping,
      source: 'saved',
      signature: best.signature,
    };
  }
  const match = findHeaderRow(sheet, HEADER_GROUPS);
  if (!match || !match.columns.has('@name') || !match.columns.has('@idNumber')) {
    throw new AppError(
      'APPLICANTS_NO_HEADER',
      `文件「${fileName}」中没有找到报名人员表头（至少需要“姓名”和“证件号码/身份证号”两列）。请确认选对了文件；如果是其他格式的名单，请在导入向导中指定表头行并对应各列，对应关系会被保存供下次使用。`,
      { fileName, rows: previewRows(sheet), fields: FIELDS.map((f) => ({ key: f.key, label: f.label })) },
    );
  }
  const columns = new Map<ApplicantFieldKey, number>();
  for (const [key, i] of match.columns) columns.set(key.slice(1) as ApplicantFieldKey, i);
  return {
    sheet,
    headerIndex: match.rowIndex,
    columns,
    mapping: mappingOf(sheet, match.rowIndex, columns),
    source: 'recognised',
    signature: headerSignature(sheet, match.rowIndex),
  };
}

async function rowContext(tx: Tx, cohortYear: number, today: string): Promise<RowContext> {
  const preset = await currentPreset(tx);
  const { name, code } = await requireBase(tx);
  const base = { name, code };
  const catalogue = await loadCatalogue(tx);
  const planned = await tx
    .selectFrom('plan_rows')
    .select('specialty_code')
    .where('cohort_year', '=', cohortYear)
    .where('specialty_code', 'is not', null)
    .where('quota', '>', 0)
    .execute();
  if (planned.length > 0) {
    return { preset, catalogue, allowed: new Set(planned.map((p) => p.specialty_code!)), allowedFrom: 'plan', today, base };
  }
  const active = [...catalogue.byCode.values()].filter((s) => s.active === 1).map((s) => s.code);
  return { preset, catalogue, allowed: new Set(active), allowedFrom: 'catalogue', today, base };
}

type RowPlan =
  | { kind: 'new'; outcome: RowOutcome }
  | {
      kind: 'update';
      outcome: RowOutcome;
      existing: ApplicantTable;
      change: ImportChange;
      merged: ReturnType<typeof mergeRecord>['merged'];
    }
  | { kind: 'unchanged'; outcome: RowOutcome }
  | { kind: 'rejected'; outcome: RowOutcome };

type Analysis = {
  table: Table;
  located: Located;
  ctx: RowContext;
  plans: RowPlan[];
  rejected: RowProblem[];
  warnings: RowProblem[];
};

function readImportTable(file: ImportFile): Promise<Table> {
  return readTable(file, { maxBytes: MAX_IMPORT_BYTES });
}

async function analyse(tx: Tx, core: Core, file: ImportFile, opts: ImportOptions, table: Table): Promise<Analysis> {
  const base = await requireBase(tx);
  const located = await locate(tx, table, opts, file.fileName);
  const missing = REQUIRED_COLUMNS.filter((k) => !located.columns.has(k));
  if (missing.length > 0) {
    throw new AppError(
      'APPLICANTS_COLUMNS_MISSING',
      `文件「${file.fileName}」缺少必需的列：${missing.map(fieldLabel).join('、')}。请在导入向导中把文件的列对应到这些字段，或从报名平台重新导出完整名单。未导入任何数据。`,
      {
        fileName: file.fileName,
        missing,
        headerRow: located.headerIndex + 1,
        rows: previewRows(located.sheet),
        fields: FIELDS.map((f) => ({ key: f.key, label: f.label })),
      },
    );
  }
  const columnWarnings: RowProblem[] = EXPECTED_COLUMNS.filter((k) => !located.columns.has(k)).map((k) => ({
    row: located.headerIndex + 1,
    field: fieldLabel(k),
    code: 'COLUMN_MISSING',
    message: `第 ${located.headerIndex + 1} 行（表头）：文件没有“${fieldLabel(k)}”列，这一项将空缺，请在现场确认时补充或从报名平台导出完整名单`,
  }));
  const ctx = await rowContext(tx, base.cohort_year, isoNow(core.clock).slice(0, 10));
  const outcomes: RowOutcome[] = [];
  const colIdx = [...located.columns.values()];
  for (let r = located.headerIndex + 1; r < located.sheet.rows.length; r++) {
    const cells = located.sheet.rows[r] ?? [];
    if (!colIdx.some((i) => (cells[i]?.text ?? '').trim() !== '')) continue;
    outcomes.push(validateRow(cells, r + 1, located.columns, ctx));
  }
  if (outcomes.length === 0) {
    throw new AppError('FILE_EMPTY', `文件「${file.fileName}」只有表头，没有任何报名人员。未导入任何数据。`, {
      fileName: file.fileName,
    });
  }
  markDuplicates(outcomes, fieldLabel('idNumber'));
  attachPeople(outcomes, located.sheet, located.columns);

  const stored = await storedState(tx, base.cohort_year, outcomes);

  const plans: RowPlan[] = [];
  const rejected: RowProblem[] = [];
  const warnings: RowProblem[] = [...columnWarnings];
  for (const o of outcomes) {
    warnings.push(...o.warnings);
    if (!o.record) {
      rejected.push(...o.problems);
      plans.push({ kind: 'rejected', outcome: o });
      continue;
    }
    const id = o.record.idNumber;
    const storedHash = stored.hashes.get(id);
    if (storedHash === undefined) {
      plans.push({ kind: 'new', outcome: o });
      continue;
    }
    // Same hash: the stored record equals this row in every field, whatever columns the file has.
    if (stored.incoming.get(id) === storedHash) {
      plans.push({ kind: 'unchanged', outcome: o });
      continue;
    }
    const old = stored.rows.get(id)!;
    const { merged, changes } = mergeRecord(recordOf(old), o.record, o.present, ctx.catalogue);
    if (changes.length === 0) plans.push({ kind: 'unchanged', outcome: o });
    else
      plans.push({
        kind: 'update',
        outcome: o,
        existing: old,
        merged,
        change: { row: o.row, applicantId: old.id, idNumber: maskIdNumber(old.id_number), name: merged.name, changes },
      });
  }
  return { table, located, ctx, plans, rejected, warnings };
}

type StoredState = {
  /** Content hash of each stored applicant of the cohort the file names, by ID number. */
  hashes: Map<string, string>;
  /** The file's records' hashes, for those ID numbers. */
  incoming: Map<string, string>;
  /** The whole stored row, only where the hashes differ (the rows an update may change). */
  rows: Map<string, ApplicantTable>;
};

/**
 * What is stored for the file's people: first only the hashes, then the whole row of those whose hash
 * differs. A re-import of an unchanged roster then reads 10,000 short rows instead of 10,000 whole ones.
 * Each step is one statement: the ID numbers go in as one JSON array (no limit on SQL variables, no query
 * built per chunk). Through the query builder, so a preview waits for a transaction in progress on the
 * connection instead of reading its uncommitted rows.
 */
async function storedState(tx: Tx, cohortYear: number, outcomes: readonly RowOutcome[]): Promise<StoredState> {
  const hashes = new Map<string, string>();
  // The year's first roster (the largest import) has nothing stored to compare with: no look-up of its IDs.
  if (!(await anyApplicant(tx, cohortYear))) return { hashes, incoming: new Map(), rows: new Map() };
  const ids = outcomes.filter((o) => o.record).map((o) => o.record!.idNumber);
  for (const a of await byIdNumbers<Pick<ApplicantTable, 'id_number' | 'content_hash'>>(
    tx,
    'id_number, content_hash',
    cohortYear,
    ids,
  ))
    hashes.set(a.id_number, a.content_hash);
  const incoming = new Map<string, string>();
  const differing: string[] = [];
  for (const o of outcomes) {
    const id = o.record?.idNumber;
    if (id === undefined || !hashes.has(id)) continue;
    const h = contentHash(o.record!);
    incoming.set(id, h);
    if (h !== hashes.get(id)) differing.push(id);
  }
  const rows = new Map<string, ApplicantTable>();
  for (const a of await byIdNumbers<ApplicantTable>(tx, '*', cohortYear, differing)) rows.set(a.id_number, a);
  // A preview runs outside a transaction: a row purged between the two reads is no longer stored.
  for (const id of differing) if (!rows.has(id)) hashes.delete(id);
  return { hashes, incoming, rows };
}

async function anyApplicant(tx: Tx, cohortYear: number): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM applicants WHERE cohort_year = ${cohortYear} LIMIT 1`.execute(tx);
  return rows.length > 0;
}

/** The cohort's applicants with these ID numbers; `columns` is one of our own constant lists, never input. */
async function byIdNumbers<R>(tx: Tx, columns: string, cohortYear: number, idNumbers: readonly string[]): Promise<R[]> {
  if (idNumbers.length === 0) return [];
  const { rows } = await sql<R>`SELECT ${sql.raw(columns)} FROM applicants WHERE cohort_year = ${cohortYear}
    AND id_number IN (SELECT value FROM json_each(${JSON.stringify(idNumbers)}))`.execute(tx);
  return rows;
}

function count(plans: RowPlan[], kind: RowPlan['kind']): number {
  return plans.filter((p) => p.kind === kind).length;
}

export async function previewApplicantImport(core: Core, file: ImportFile, opts: ImportOptions): Promise<ImportPreview> {
  const a = await analyse(core.db, core, file, opts, await readImportTable(file));
  const header = a.located.sheet.rows[a.located.headerIndex] ?? [];
  const mappedCols = new Set(a.located.columns.values());
  const status = { new: 'new', update: 'update', unchanged: 'unchanged', rejected: 'rejected' } as const;
  return {
    fileName: file.fileName,
    encoding: a.table.encoding ?? null,
    sheet: a.located.sheet.name,
    headerRow: a.located.headerIndex + 1,
    mapping: a.located.mapping,
    mappingSource: a.located.source,
    rowsPreview: previewRows(a.located.sheet),
    unmappedHeaders: header
      .map((c, i) => ({ t: c.text.trim(), i }))
      .filter((h) => h.t !== '' && !mappedCols.has(h.i))
      .map((h) => h.t),
    rows: a.plans.length,
    imported: count(a.plans, 'new'),
    updated: count(a.plans, 'update'),
    unchanged: count(a.plans, 'unchanged'),
    rejected: a.rejected,
    rejectedRows: count(a.plans, 'rejected'),
    warnings: a.warnings,
    changes: a.plans.flatMap((p) => (p.kind === 'update' ? [p.change] : [])),
    sample: a.plans.slice(0, SAMPLE_ROWS).map((p) => {
      const cells = a.located.sheet.rows[p.outcome.row - 1] ?? [];
      const r = p.outcome.record;
      const cellText = (k: ApplicantFieldKey) => {
        const i = a.located.columns.get(k);
        return i === undefined ? '' : (cells[i]?.text.trim() ?? '');
      };
      return {
        row: p.outcome.row,
        idNumber: r ? maskIdNumber(r.idNumber) : maskIdNumber(cellText('idNumber')),
        name: r?.name ?? cellText('name'),
        category: r?.category ?? cellText('category'),
        choices: r
          ? fullChoiceList(r.choices, r.choiceList).map((c) => choiceName(c, (x) => a.ctx.catalogue.byCode.get(x)?.name ?? x))
          : [cellText('choice1') || cellText('choice1Base')].filter(Boolean),
        status: status[p.kind],
      };
    }),
  };
}

/** The new applicants, written as the validation left them (see import-insert). */
function insertNew(
  core: Core,
  news: readonly RowPlan[],
  ids: readonly string[],
  cohortYear: number,
  fileName: string,
  now: string,
) {
  const writer = new NewApplicantWriter(core.raw, cohortYear, fileName, now);
  const initials = initialsMemo();
  for (let i = 0; i < news.length; i++) {
    const { outcome } = news[i]!;
    const record = outcome.record!;
    writer.add({ id: ids[i]!, record, row: outcome.row, initials: initials(record.name) });
  }
}

export async function commitApplicantImport(
  core: Core,
  actor: string,
  file: ImportFile,
  opts: ImportOptions & { saveMapping?: boolean },
): Promise<ImportResult> {
  // Parsing the workbook is the slow part and needs no database: done before the transaction, so the
  // desk's look-ups are not held up behind it.
  const table = await readImportTable(file);
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const a = await analyse(tx, core, file, opts, table);
    const now = isoNow(core.clock);
    const importId = uuidv7(core.clock.nowMs());
    const news = a.plans.filter((p): p is Extract<RowPlan, { kind: 'new' }> => p.kind === 'new');
    const created = uuidv7Batch(news.length, core.clock.nowMs());
    insertNew(core, news, created, base.cohort_year, file.fileName, now);

    const changes: ImportChange[] = [];
    for (const p of a.plans) {
      if (p.kind !== 'update') continue;
      await tx
        .updateTable('applicants')
        .set({
          ...columnsOf(p.merged),
          name_initials: pinyinInitials(p.merged.name),
          content_hash: contentHash(p.merged),
          source_file: file.fileName,
          source_row: p.outcome.row,
          updated_at: now,
        })
        .where('id', '=', p.existing.id)
        .execute();
      changes.push(p.change);
      await appendEvent(tx, core, actor, {
        action: 'applicant.update',
        entity: 'applicant',
        entityId: p.existing.id,
        ...changeSnapshots(p.change.changes),
        reason: `导入 ${file.fileName} 第 ${p.outcome.row} 行`,
      });
    }

    if (opts.saveMapping && opts.mapping) {
      await tx
        .insertInto('saved_mappings')
        .values({
          kind: MAPPING_KIND,
          signature: a.located.signature,
          mapping_json: JSON.stringify(opts.mapping),
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['kind', 'signature']).doUpdateSet({ mapping_json: JSON.stringify(opts.mapping), updated_at: now }),
        )
        .execute();
      await appendEvent(tx, core, actor, {
        action: 'applicants.mapping-save',
        entity: 'mapping',
        entityId: a.located.signature,
        after: opts.mapping,
      });
    }

    const result: ImportResult = {
      imported: news.length,
      updated: changes.length,
      unchanged: count(a.plans, 'unchanged'),
      rejected: a.rejected,
      changes,
      importId,
    };
    // Re-importing the same file writes nothing at all, not even an audit entry.
    if (result.imported + result.updated > 0) {
      await appendEvent(tx, core, actor, {
        action: 'applicants.import',
        entity: 'applicant-import',
        entityId: importId,
        after: {
          file: file.fileName,
          rows: a.plans.length,
          imported: result.imported,
          updated: result.updated,
          unchanged: result.unchanged,
          rejectedRows: count(a.plans, 'rejected'),
          rejectedProblems: result.rejected.length,
          created,
        },
      });
    }
    return result;
  });
}

export function isFieldKey(k: string): k is ApplicantFieldKey {
  return (APPLICANT_FIELD_KEYS as readonly string[]).includes(k);
}

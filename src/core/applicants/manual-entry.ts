/**
 * An applicant entered by hand from the paper 报名表 (seed 002 三（六）: Jilin 助理全科 register on paper at the
 * base). The roster fields go through the import's own row validation (validateRow), so a hand entry and an
 * imported row with the same data are the same record, with the same problem codes and messages; the 报名表's
 * other fields go to applicant_paper_forms. All or nothing, audited as 手工录入 with the source 纸质报名表.
 */
import type { ApplicantFieldKey, RowProblem } from '../../shared/contract/applicants';
import { APPLICANT_FIELD_KEYS } from '../../shared/contract/applicants';
import type { AddApplicantResult, FieldProblem } from '../../shared/contract/paper-form';
import type { AddApplicantInput } from '../../shared/contract/paper-form';
import { AppError } from '../../shared/errors';
import { maskIdNumber, maskPhone } from '../../shared/mask';
import type { z } from 'zod';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Actor, Core, Tx } from '../context';
import { pinyinInitials } from '../identity';
import type { Cell } from '../tabular';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { fieldLabel } from './fields';
import { paperFormColumns, PAPER_FORM_SOURCE } from './paper-form';
import { maskInText } from './privacy';
import { newApplicantRow, summaryOf } from './record';
import { validateRow, type ApplicantRecord, type RowContext } from './validate-row';

export type AddApplicant = z.output<typeof AddApplicantInput>;

/** The import numbers rows; a form has one “row”, so its messages drop the “第 1 行：” the reader prefixes. */
const FORM_ROW = 1;
const ROW_PREFIX = new RegExp(`^第 ${FORM_ROW} 行：`);

/** Fields a form always carries, even left blank: without them the row reader would not call them missing. */
const ALWAYS: readonly ApplicantFieldKey[] = ['name', 'idNumber'];

const KEY_BY_LABEL = new Map<string, ApplicantFieldKey>(APPLICANT_FIELD_KEYS.map((k) => [fieldLabel(k), k]));

/** The form's fields as one spreadsheet row: a column per field the clerk's form (or JSON) carries. */
export function formRow(fields: AddApplicant['fields']): { cells: Cell[]; columns: Map<ApplicantFieldKey, number> } {
  const keys = APPLICANT_FIELD_KEYS.filter((k) => fields[k] !== undefined || ALWAYS.includes(k));
  const columns = new Map<ApplicantFieldKey, number>(keys.map((k, i) => [k, i]));
  const cells = keys.map((k): Cell => {
    const text = fields[k] ?? '';
    return text.trim() === '' ? { text: '', type: 'empty' } : { text, type: 'string' };
  });
  return { cells, columns };
}

/** As the import answers its problems: ID numbers in a message masked (the clerk has the form in hand). */
function fieldProblem(p: RowProblem): FieldProblem {
  const message = maskInText(p.message.replace(ROW_PREFIX, ''));
  return { field: KEY_BY_LABEL.get(p.field) ?? p.field, label: p.field, code: p.code, message };
}

/** What the import's rowContext reads: this year's plan, else the active catalogue. */
async function entryContext(tx: Tx, core: Core): Promise<RowContext> {
  const base = await requireBase(tx);
  const preset = await currentPreset(tx);
  const catalogue = await loadCatalogue(tx);
  const today = isoNow(core.clock).slice(0, 10);
  const planned = await tx
    .selectFrom('plan_rows')
    .select('specialty_code')
    .where('cohort_year', '=', base.cohort_year)
    .where('specialty_code', 'is not', null)
    .where('quota', '>', 0)
    .execute();
  const own = { name: base.name, code: base.code };
  if (planned.length > 0)
    return { preset, catalogue, allowed: new Set(planned.map((p) => p.specialty_code!)), allowedFrom: 'plan', today, base: own };
  const active = [...catalogue.byCode.values()].filter((s) => s.active === 1).map((s) => s.code);
  return { preset, catalogue, allowed: new Set(active), allowedFrom: 'catalogue', today, base: own };
}

/** The record, or APPLICANT_INVALID listing every field's problem in the import's words. */
export function validateEntry(
  fields: AddApplicant['fields'],
  ctx: RowContext,
): { record: ApplicantRecord; warnings: FieldProblem[] } {
  const { cells, columns } = formRow(fields);
  const outcome = validateRow(cells, FORM_ROW, columns, ctx);
  if (!outcome.record) {
    const problems = outcome.problems.map(fieldProblem);
    throw new AppError(
      'APPLICANT_INVALID',
      `报名信息有 ${problems.length} 处需要更正，未保存：${problems.map((p) => p.message).join('；')}`,
      { problems },
    );
  }
  return { record: outcome.record, warnings: outcome.warnings.map(fieldProblem) };
}

async function refuseDuplicate(tx: Tx, cohortYear: number, idNumber: string): Promise<void> {
  const existing = await tx
    .selectFrom('applicants')
    .select(['id', 'name'])
    .where('cohort_year', '=', cohortYear)
    .where('id_number', '=', idNumber)
    .executeTakeFirst();
  if (existing) {
    throw new AppError(
      'APPLICANT_DUPLICATE',
      `证件号码 ${maskIdNumber(idNumber)} 的报名人员（${existing.name}）已在本年度名单中，不能重复录入。需要补充或更正信息时，请在名单中打开此人。`,
      { applicantId: existing.id },
    );
  }
}

function applicantRow(id: string, cohortYear: number, r: ApplicantRecord, input: AddApplicant, now: string) {
  // Education and clinical-work rows live where the detail reads and edits them.
  const extra = {
    ...(input.education.length > 0 ? { education: input.education } : {}),
    ...(input.work.length > 0 ? { work: input.work } : {}),
  };
  const from = { file: PAPER_FORM_SOURCE, row: null, initials: pinyinInitials(r.name), extraJson: JSON.stringify(extra) };
  return newApplicantRow(id, cohortYear, r, from, now);
}

export async function addApplicant(core: Core, actor: Actor, input: AddApplicant): Promise<AddApplicantResult> {
  return core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    const { record, warnings } = validateEntry(input.fields, await entryContext(tx, core));
    await refuseDuplicate(tx, base.cohort_year, record.idNumber);
    const now = isoNow(core.clock);
    const id = uuidv7(core.clock.nowMs());
    await tx
      .insertInto('applicants')
      .values(applicantRow(id, base.cohort_year, record, input, now))
      .execute();
    await tx
      .insertInto('applicant_paper_forms')
      .values({
        applicant_id: id,
        ...paperFormColumns(input.form),
        source: PAPER_FORM_SOURCE,
        entered_by: actor.username,
        entered_at: now,
      })
      .execute();
    // Names of what was filled in, never the values: the trail is not a second copy of personal data.
    await appendEvent(tx, core, actor.username, {
      action: 'applicant.add',
      entity: 'applicant',
      entityId: id,
      after: {
        name: record.name,
        idNumber: maskIdNumber(record.idNumber),
        phone: record.phone === null ? null : maskPhone(record.phone),
        source: PAPER_FORM_SOURCE,
        fields: record.supplied ?? [],
        formFields: Object.keys(input.form).filter((k) => (input.form as Record<string, unknown>)[k]),
        education: input.education.length,
        work: input.work.length,
      },
      reason: '手工录入',
    });
    const row = await tx.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { applicant: summaryOf(row, await loadCatalogue(tx)), warnings };
  });
}

/** The paper 报名表's own fields (seed 002 附件3): stored per applicant, read back for the screen and the print. */
import type { PaperFormFields, PaperFormView } from '../../shared/contract/paper-form';
import type { Tx } from '../context';
import { requireApplicant } from './detail';
import type { ApplicantPaperFormTable } from './paper-form-tables';
import { extraOf } from './stored-json';

/** Where a hand-entered record came from, as applicants.source_file and the form's source say it. */
export const PAPER_FORM_SOURCE = '纸质报名表';

const blank = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

export function paperFormColumns(f: PaperFormFields) {
  return {
    political_status: blank(f.politicalStatus),
    hukou: blank(f.hukou),
    marital_status: blank(f.maritalStatus),
    health_status: blank(f.healthStatus),
    landline: blank(f.landline),
    address: blank(f.address),
    postal_code: blank(f.postalCode),
    foreign_language: blank(f.foreignLanguage),
    foreign_language_level: f.foreignLanguageLevel ?? null,
    foreign_language_other: blank(f.foreignLanguageOther),
  };
}

function formOf(row: ApplicantPaperFormTable | undefined): PaperFormFields {
  if (!row) return {};
  const out: PaperFormFields = {};
  const put = <K extends keyof PaperFormFields>(k: K, v: string | null) => {
    if (v !== null) out[k] = v as PaperFormFields[K];
  };
  put('politicalStatus', row.political_status);
  put('hukou', row.hukou);
  put('maritalStatus', row.marital_status);
  put('healthStatus', row.health_status);
  put('landline', row.landline);
  put('address', row.address);
  put('postalCode', row.postal_code);
  put('foreignLanguage', row.foreign_language);
  put('foreignLanguageLevel', row.foreign_language_level);
  put('foreignLanguageOther', row.foreign_language_other);
  return out;
}

export async function paperForm(tx: Tx, id: string): Promise<PaperFormView> {
  const a = await requireApplicant(tx, id);
  const row = await tx.selectFrom('applicant_paper_forms').selectAll().where('applicant_id', '=', id).executeTakeFirst();
  const extra = extraOf(a);
  return {
    applicantId: id,
    form: formOf(row),
    education: extra.education ?? [],
    work: extra.work ?? [],
    source: row?.source ?? null,
    enteredBy: row?.entered_by ?? null,
    enteredAt: row?.entered_at ?? null,
  };
}

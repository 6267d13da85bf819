/**
 * The 手工录入 form's state and its conversion to `applicants.add` (pure: no React). Roster fields keep the
 * roster's keys, so a refusal's problems (keyed by field) land on the input they belong to.
 */
import type { OpInput } from '../../../../shared/contract';
import type { ApplicantFieldKey } from '../../../../shared/contract/applicants';
import type { FieldProblem, PaperFormFields } from '../../../../shared/contract/paper-form';

/** The roster fields the paper form has, in the order a clerk meets them on the form. */
export const ENTRY_FIELDS = [
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'email',
  'phone',
  'category',
  'employer',
  'choice1',
  'acceptsAdjustment',
  'qualificationCertNo',
  'highestEducation',
  'school',
  'major',
  'graduationDate',
] as const satisfies readonly ApplicantFieldKey[];
export type EntryField = (typeof ENTRY_FIELDS)[number];

export type EducationDraft = { level: string; from: string; to: string; school: string; major: string };
export type WorkDraft = {
  hospital: string;
  grade: string;
  department: string;
  from: string;
  to: string;
  title: string;
  referee: string;
};
type FormKey = Exclude<keyof PaperFormFields, 'foreignLanguageLevel'>;

export type EntryDraft = {
  fields: Record<EntryField, string>;
  form: Record<FormKey, string> & { foreignLanguageLevel: '' | '四级' | '六级' | '其他' };
  education: EducationDraft[];
  work: WorkDraft[];
};

export const emptyEducation = (): EducationDraft => ({ level: '', from: '', to: '', school: '', major: '' });
export const emptyWork = (): WorkDraft => ({ hospital: '', grade: '', department: '', from: '', to: '', title: '', referee: '' });

export function emptyDraft(): EntryDraft {
  return {
    fields: Object.fromEntries(ENTRY_FIELDS.map((k) => [k, ''])) as Record<EntryField, string>,
    form: {
      politicalStatus: '',
      hukou: '',
      maritalStatus: '',
      healthStatus: '',
      landline: '',
      address: '',
      postalCode: '',
      foreignLanguage: '',
      foreignLanguageLevel: '',
      foreignLanguageOther: '',
    },
    education: [emptyEducation()],
    work: [emptyWork()],
  };
}

const filled = (o: Record<string, string>) => Object.values(o).some((v) => v.trim() !== '');

/** Drop empty keys from a row; an untouched row is no row. */
function compact<T extends Record<string, string>>(row: T): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v.trim() !== '')) as Partial<T>;
}

export function entryInput(d: EntryDraft): OpInput<'applicants.add'> {
  const { foreignLanguageLevel, ...rest } = d.form;
  return {
    // Every field the form shows is sent, blank or not: a blank one is “none” on this form, as an empty cell is.
    fields: { ...d.fields },
    form: { ...compact(rest), ...(foreignLanguageLevel ? { foreignLanguageLevel } : {}) },
    education: d.education.filter(filled).map((e) => ({ ...compact(e), level: e.level, school: e.school, major: e.major })),
    work: d.work.filter(filled).map((w) => ({ ...compact(w), hospital: w.hospital })),
  };
}

/** The refusal's problems by field key; a field with two problems shows both. */
export function problemsByField(problems: readonly FieldProblem[]): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const p of problems) out[p.field] = out[p.field] ? `${out[p.field]}；${p.message}` : p.message;
  return out;
}

type InputIssue = { path: string; message: string };

/**
 * The contract's own refusals (INVALID_INPUT: a postcode that is not 6 digits) by the field they name, so they
 * show in place too; an issue in an education or work row stays with the form-level message.
 */
export function inputIssuesByField(issues: readonly InputIssue[]): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const i of issues) {
    const m = /^(?:form|fields)\.(\w+)$/.exec(i.path);
    if (m) out[m[1]!] = i.message;
  }
  return out;
}

/** Stored JSON columns of an applicant, parsed against a schema (see util/json.ts). */
import { z } from 'zod';
import type { ChecklistState, EducationRow, WorkRow } from '../../shared/contract/applicants';
import { parseJsonAs } from '../util/json';
import type { ApplicantTable } from './tables';

export type Extra = { education?: EducationRow[]; work?: WorkRow[] };

const opt = z.string().optional();
const education = z.object({
  level: z.string(),
  degree: opt,
  school: z.string(),
  major: z.string(),
  from: opt,
  to: opt,
  fullTime: z.boolean().nullable().optional(),
});
const work = z.object({ hospital: z.string(), grade: opt, department: opt, from: opt, to: opt, title: opt, referee: opt });
// Loose: keys this version does not know are kept, so an edit writes them back unchanged.
const extra = z.looseObject({ education: z.array(education).optional(), work: z.array(work).optional() });
const checklist = z.record(z.string(), z.enum(['original', 'copy', 'missing', 'na']));

export function extraOf(a: Pick<ApplicantTable, 'extra_json'>): Extra {
  return parseJsonAs(extra, a.extra_json, 'applicants.extra_json');
}

export function savedChecklist(a: Pick<ApplicantTable, 'checklist_json'>): Record<string, ChecklistState> | null {
  return a.checklist_json === null ? null : parseJsonAs(checklist, a.checklist_json, 'applicants.checklist_json');
}

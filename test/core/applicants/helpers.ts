import { APPLICANT_FIELDS, createRng, makeApplicants, writeCsv, writeXlsx, type Applicant } from '../../../src/core/testdata';
import type { Core } from '../../../src/core/context';
import { ok } from '../../helpers/core';

/** Specialty names of the national catalogue the generated applicants choose from. */
export const SPECIALTIES = ['内科', '外科', '儿科', '全科', '妇产科', '急诊科', '麻醉科', '放射科', '骨科', '眼科'] as const;

export function roster(count: number, seed = 7, categories: readonly string[] = ['单位人', '社会人']): Applicant[] {
  return makeApplicants(createRng(seed), count, { specialties: SPECIALTIES, categories, choices: 1 });
}

export function toB64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function csvFile(rows: Applicant[] | (string | number | null)[][], fileName = 'roster.csv') {
  return { fileName, contentBase64: toB64(writeCsv(rows as never, { encoding: 'utf-8' })) };
}

export async function xlsxFile(rows: Applicant[] | (string | number | null)[][], fileName = 'roster.xlsx', idAsNumber = false) {
  return { fileName, contentBase64: toB64(await writeXlsx(rows as never, { idAsNumber })) };
}

/** A header row + rows as arrays, for files with deliberate damage. */
export function matrix(rows: Applicant[]): string[][] {
  return [[...APPLICANT_FIELDS], ...rows.map((r) => APPLICANT_FIELDS.map((f) => r[f]))];
}

export async function importRoster(core: Core, session: string, rows: Applicant[]) {
  return ok(core, session, 'applicants.commitImport', csvFile(rows));
}

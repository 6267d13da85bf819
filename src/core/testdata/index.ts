export { createRng } from './rng';
export type { Rng } from './rng';
export { makeIdNumber, makeName, makePhone, REGION_CODES, SURNAMES } from './people';
export type { IdOptions, Sex } from './people';
export { APPLICANT_FIELDS, EXAMPLE_CATEGORIES, EXAMPLE_SPECIALTIES, makeApplicant, makeApplicants } from './applicant';
export type { Applicant, ApplicantField, ApplicantOptions } from './applicant';
export { writeCsv, writeXlsx } from './write';
export type { CellValue, RowsInput } from './write';
export { encodeGb18030 } from './gb18030';

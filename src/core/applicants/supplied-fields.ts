/**
 * The stored form of an applicant's supplied fields (`applicants.supplied_json`): one bit per record field, as
 * decimal text. Every row of a roster has the same list, and as JSON it was about 250 of the row's 820 bytes:
 * a third of what an import wrote and committed. Rows stored before this (a JSON array) still read; a list with
 * a field the bits do not name is still written as JSON, so nothing is lost.
 */
import { parseJsonAs, storedJsonInvalid, stringList } from '../util/json';

const COLUMN = 'applicants.supplied_json';

/**
 * Bit i is the field at index i. Append only: never reorder or remove, stored rows depend on the positions.
 * Alphabetical as first written, so a mask reads back in the order the record keeps (sorted).
 */
export const SUPPLIED_BITS: readonly string[] = [
  'acceptsAdjustment',
  'birthDate',
  'category',
  'choices',
  'discipline',
  'email',
  'employer',
  'enrolledStudent',
  'ethnicity',
  'fullTime',
  'graduationDate',
  'highestDegree',
  'highestEducation',
  'idNumber',
  'idType',
  'major',
  'name',
  'phone',
  'practisingCertNo',
  'qualificationCertNo',
  'reductionYears',
  'ruralBreach',
  'ruralCounty',
  'ruralOriented',
  'school',
  'sex',
];

const BIT_OF = new Map(SUPPLIED_BITS.map((k, i) => [k, i]));
/** Above this a mask names a field no version wrote: the value is damaged. */
const MASK_LIMIT = 2 ** SUPPLIED_BITS.length;

/** The column's value for a record's supplied fields (null stays null: not known). */
export function storedSupplied(fields: readonly string[] | null | undefined): string | null {
  if (fields == null) return null;
  let mask = 0;
  for (const k of fields) {
    const bit = BIT_OF.get(k);
    if (bit === undefined) return JSON.stringify(fields);
    // Arithmetic, not bitwise: `|` stops at 31 bits.
    if (Math.floor(mask / 2 ** bit) % 2 === 0) mask += 2 ** bit;
  }
  return String(mask);
}

/** The supplied fields, sorted, from the column's value in either form; null when not known. */
export function suppliedOf(stored: string | null): string[] | null {
  if (stored === null) return null;
  if (stored.startsWith('[')) return parseJsonAs(stringList, stored, COLUMN);
  if (!/^\d{1,16}$/.test(stored)) throw storedJsonInvalid(COLUMN);
  let mask = Number(stored);
  if (mask >= MASK_LIMIT) throw storedJsonInvalid(COLUMN);
  const fields: string[] = [];
  for (let bit = 0; mask > 0; bit++, mask = Math.floor(mask / 2)) if (mask % 2 === 1) fields.push(SUPPLIED_BITS[bit]!);
  // Sorted as the record keeps it (and as its content hash covers it), also once fields are appended.
  return fields.sort();
}

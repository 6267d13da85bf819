/**
 * The paged applicant list (报名名单): search, filters and a sortable column, with the count of matches so the
 * screen can show a page count and jump to any page.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { ApplicantListSort } from '../../shared/contract/applicants';
import { requireBase } from '../base/base';
import type { Tx } from '../context';
import type { DB } from '../db/schema';
import { classifyQuery } from './search';
import type { ApplicantTable } from './tables';

export type ApplicantListInput = {
  status?: ApplicantTable['confirmation_status'] | undefined;
  specialty?: string | undefined;
  query?: string | undefined;
  sort?: ApplicantListSort | undefined;
  dir?: 'asc' | 'desc' | undefined;
  limit: number;
  offset: number;
};

const END = '\uffff';

type Eb = ExpressionBuilder<DB, 'applicants'>;

const prefix = (eb: Eb, col: 'id_number' | 'phone' | 'name' | 'name_initials', v: string) =>
  eb.and([eb(col, '>=', v), eb(col, '<', v + END)]);

/**
 * Digits match the start of the ID or phone number and, from four digits on, their end too: an applicant
 * at the desk reads out the last digits. Letters are pinyin initials (or an ID starting with a letter),
 * anything else the start of the name.
 */
function matchQuery(eb: Eb, raw: string) {
  const { kind, q } = classifyQuery(raw);
  if (kind === 'name') return prefix(eb, 'name', q);
  if (kind === 'initials') return eb.or([prefix(eb, 'name_initials', q), prefix(eb, 'id_number', q.toUpperCase())]);
  const either = [prefix(eb, 'id_number', q), prefix(eb, 'phone', q)];
  if (q.length >= 4 && /^\d+X?$/.test(q)) {
    either.push(eb('id_number', 'like', `%${q}`), eb('phone', 'like', `%${q}`));
  }
  return eb.or(either);
}

const SORT_COLUMNS: Record<ApplicantListSort, Array<'name_initials' | 'name' | 'id_number' | 'category' | 'decided_at'>> = {
  name: ['name_initials', 'name'],
  idNumber: ['id_number'],
  category: ['category', 'name_initials'],
  specialty: [],
  status: [],
  decidedAt: ['decided_at'],
};

/** Confirmation in desk order (待确认 first) rather than alphabetical order of the stored codes. */
const STATUS_ORDER = sql<number>`CASE confirmation_status WHEN 'pending' THEN 0 WHEN 'returned' THEN 1 WHEN 'confirmed' THEN 2 ELSE 3 END`;
/** The first choice's code: choices_json is a JSON array of codes, choice 1 first. */
const FIRST_CHOICE = sql<string>`json_extract(choices_json, '$[0]')`;

export async function listApplicants(tx: Tx, input: ApplicantListInput): Promise<{ total: number; rows: ApplicantTable[] }> {
  const base = await requireBase(tx);
  let q = tx.selectFrom('applicants').where('cohort_year', '=', base.cohort_year);
  if (input.status) q = q.where('confirmation_status', '=', input.status);
  if (input.specialty) q = q.where('choices_json', 'like', `%"${input.specialty.replace(/[%_"]/g, '')}"%`);
  const query = input.query?.trim();
  if (query && classifyQuery(query).kind !== 'none') q = q.where((eb) => matchQuery(eb, query));
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const sort = input.sort ?? 'name';
  const dir = input.dir ?? 'asc';
  let rows = q.selectAll();
  if (sort === 'status') rows = rows.orderBy(STATUS_ORDER, dir);
  if (sort === 'specialty') rows = rows.orderBy(FIRST_CHOICE, dir);
  // Empty values last whichever way: an undecided applicant has no decision time, not the earliest one.
  if (sort === 'decidedAt' || sort === 'category') rows = rows.orderBy(sql`${sql.ref(SORT_COLUMNS[sort][0]!)} IS NULL`);
  for (const col of SORT_COLUMNS[sort]) rows = rows.orderBy(col, dir);
  const page = await rows
    .orderBy('name_initials')
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { total, rows: page };
}

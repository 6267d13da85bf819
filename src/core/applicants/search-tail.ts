/**
 * Look-up by the last digits of an ID or phone number: what applicants read out at a desk ("尾号 1234").
 *
 * A prefix index cannot answer "ends with", and a scan of every ID number per keystroke grows with the
 * roster. So each applicant carries a short keyed hash (HMAC-SHA256 with a per-installation key, first 8 hex
 * characters) of the last 4 characters of the ID number and of the phone number, indexed per cohort; a query
 * of 4 or more digits seeks the hash of its last 4 and keeps the rows whose number really ends with the whole
 * query. The clear tail is never stored: the hash needs the key in `meta` to be matched to any digits.
 *
 * The hashes are filled here, on the first search after rows were added or their numbers written (a trigger
 * of migration 0012 clears them then), so every path that stores applicants stays as it is.
 */
import { createHmac } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Tx } from '../context';
import type { DB } from '../db/schema';
import type { ApplicantTable } from './tables';

/** Fewer than 4 digits would match a large share of a roster (1 in 10,000 per tail value at 4). */
export const TAIL_MIN_DIGITS = 4;
const KEY_NAME = 'search_tail_key';
const BATCH = 300;

export function isTailQuery(q: string): boolean {
  return q.length >= TAIL_MIN_DIGITS && /^\d+X?$/.test(q);
}

function idTail(idNumber: string): string {
  return idNumber.toUpperCase().slice(-TAIL_MIN_DIGITS);
}

function phoneDigits(phone: string | null): string {
  return (phone ?? '').replace(/\D/g, '');
}

export function tailKey(key: string, tail: string): string {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(tail).digest('hex').slice(0, 8);
}

async function loadKey(tx: Tx): Promise<string> {
  const row = await tx.selectFrom('meta').select('value').where('key', '=', KEY_NAME).executeTakeFirst();
  if (!row)
    throw new AppError(
      'DB_CORRUPT',
      '数据库缺少尾号查找所需的密钥（meta.search_tail_key），请运行 basedesk db check 或从备份恢复。',
    );
  return row.value;
}

type Pending = { id: string; id_number: string; phone: string | null };

async function writeKeys(tx: Transaction<DB> | Kysely<DB>, key: string, rows: Pending[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => {
      const digits = phoneDigits(r.phone);
      const phoneKey = digits.length >= TAIL_MIN_DIGITS ? tailKey(key, digits.slice(-TAIL_MIN_DIGITS)) : '';
      return sql`(${r.id}, ${tailKey(key, idTail(r.id_number))}, ${phoneKey})`;
    });
    await sql`UPDATE applicants SET id_tail_key = v.column2, phone_tail_key = v.column3
      FROM (VALUES ${sql.join(values)}) AS v WHERE applicants.id = v.column1`.execute(tx);
  }
}

/** Fills the hashes of rows stored (or renumbered) since the last search; a no-op index seek otherwise. */
export async function ensureTailKeys(tx: Tx, cohortYear: number): Promise<void> {
  const pending = await tx
    .selectFrom('applicants')
    .select(['id', 'id_number', 'phone'])
    .where('cohort_year', '=', cohortYear)
    .where('id_tail_key', 'is', null)
    .execute();
  if (pending.length === 0) return;
  const key = await loadKey(tx);
  if (tx.isTransaction) await writeKeys(tx, key, pending);
  else await tx.transaction().execute((t) => writeKeys(t, key, pending));
}

/** Applicants whose ID or phone number ends with `q` (4+ digits, an ID may end in X), at most `limit`. */
export async function searchByTail(tx: Tx, cohortYear: number, q: string, limit: number): Promise<ApplicantTable[]> {
  await ensureTailKeys(tx, cohortYear);
  const hashed = tailKey(await loadKey(tx), q.slice(-TAIL_MIN_DIGITS));
  // Two plain seeks: with an OR or an ORDER BY the planner may walk a whole cohort in another index's order.
  const seek = (col: 'id_tail_key' | 'phone_tail_key') =>
    tx.selectFrom('applicants').selectAll().where('cohort_year', '=', cohortYear).where(col, '=', hashed).execute();
  const [byId, byPhone] = await Promise.all([seek('id_tail_key'), seek('phone_tail_key')]);
  const seen = new Set<string>();
  const rows = [...byId, ...byPhone]
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .sort((x, y) => x.name_initials.localeCompare(y.name_initials) || x.id.localeCompare(y.id));
  return rows.filter((r) => r.id_number.toUpperCase().endsWith(q) || phoneDigits(r.phone).endsWith(q)).slice(0, limit);
}

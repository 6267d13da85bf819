/**
 * Type-ahead look-up for the desk and the paged applicant list, on prefix ranges of indexed columns; 4+ digits
 * also match the end of an ID or phone number (`search-tail.ts`).
 */
import type { Tx } from '../context';
import { requireBase } from '../base/base';
import { normalizeIdInput } from '../identity';
import { toHalfWidth } from '../tabular';
import { isTailQuery, searchByTail } from './search-tail';
import type { ApplicantTable } from './tables';

/** What the clerk typed decides which index is used; every branch is a prefix range on an indexed column. */
export function classifyQuery(raw: string): { kind: 'id' | 'digits' | 'name' | 'initials' | 'none'; q: string } {
  const q = toHalfWidth(raw).replace(/[\s-]+/g, '');
  if (q === '') return { kind: 'none', q };
  if (/^\d+[xX]?$/.test(q)) return { kind: /^1[3-9]?\d{0,9}$/.test(q) ? 'digits' : 'id', q: q.toUpperCase() };
  if (/^[a-zA-Z]+$/.test(q)) return { kind: 'initials', q: q.toLowerCase() };
  if (/^[A-Za-z]\d+/.test(q)) return { kind: 'id', q: normalizeIdInput(q) };
  return { kind: 'name', q };
}

const END = '\uffff';

export async function searchApplicants(
  tx: Tx,
  cohortYear: number,
  raw: string,
  limit: number,
): Promise<{ rows: ApplicantTable[]; kind: string }> {
  const { kind, q } = classifyQuery(raw);
  if (kind === 'none') return { rows: [], kind };
  const prefix = (col: 'id_number' | 'name' | 'name_initials' | 'phone', value: string) =>
    tx
      .selectFrom('applicants')
      .selectAll()
      .where('cohort_year', '=', cohortYear)
      .where(col, '>=', value)
      .where(col, '<', value + END)
      .orderBy(col)
      .limit(limit)
      .execute();
  let rows: ApplicantTable[];
  // Digits may be the start of a number or its last digits ("尾号"): both are looked up, the tail first
  // (what an applicant reads out), and an exact full number still comes first below.
  const byTail = isTailQuery(q) ? await searchByTail(tx, cohortYear, q, limit) : [];
  if (kind === 'id') rows = [...byTail, ...(await prefix('id_number', q))];
  else if (kind === 'digits') {
    const [byPhone, byId] = await Promise.all([prefix('phone', q), prefix('id_number', q)]);
    rows = [...byTail, ...byPhone, ...byId];
  } else if (kind === 'initials') {
    const [byInitials, byId] = await Promise.all([prefix('name_initials', q), prefix('id_number', q.toUpperCase())]);
    rows = [...byInitials, ...byId];
  } else rows = await prefix('name', q);
  const seen = new Set<string>();
  rows = rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  // Exact hits first (the full ID, the exact name), then the rest in index order.
  const exact = (r: ApplicantTable) => r.id_number === q || r.name === q || r.phone === q || r.name_initials === q;
  rows.sort((a, b) => Number(exact(b)) - Number(exact(a)));
  return { rows: rows.slice(0, limit), kind };
}

// ---- list ---------------------------------------------------------------------------------------------

export async function listApplicants(
  tx: Tx,
  input: { status?: ApplicantTable['confirmation_status']; specialty?: string; query?: string; limit: number; offset: number },
): Promise<{ total: number; rows: ApplicantTable[] }> {
  const base = await requireBase(tx);
  let q = tx.selectFrom('applicants').where('cohort_year', '=', base.cohort_year);
  if (input.status) q = q.where('confirmation_status', '=', input.status);
  if (input.specialty) q = q.where('choices_json', 'like', `%"${input.specialty.replace(/[%_"]/g, '')}"%`);
  if (input.query) {
    const { kind, q: v } = classifyQuery(input.query);
    if (kind !== 'none') {
      q = q.where((eb) =>
        eb.or(
          kind === 'name'
            ? [eb.and([eb('name', '>=', v), eb('name', '<', v + END)])]
            : kind === 'initials'
              ? [eb.and([eb('name_initials', '>=', v), eb('name_initials', '<', v + END)])]
              : [
                  eb.and([eb('id_number', '>=', v), eb('id_number', '<', v + END)]),
                  eb.and([eb('phone', '>=', v), eb('phone', '<', v + END)]),
                ],
        ),
      );
    }
  }
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('name_initials')
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { total, rows };
}

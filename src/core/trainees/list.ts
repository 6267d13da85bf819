/** The registry list: search, filters, pages. A base holds a few thousand trainees, so a scan is fine. */
import type { TraineeStatus } from '../../shared/contract/trainees';
import type { Tx } from '../context';
import { toHalfWidth } from '../tabular';
import type { TraineeTable } from './tables';

export type ListInput = {
  query?: string | undefined;
  cohortYear?: number | undefined;
  program?: 'residency' | 'agp' | undefined;
  specialtyCode?: string | undefined;
  status?: TraineeStatus | undefined;
  limit: number;
  offset: number;
};

/**
 * What was typed decides the match: digits (and a final X) are the tail of the ID number, Latin letters are
 * pinyin initials (prefix), anything else is part of the name.
 */
export function classifyTraineeQuery(raw: string): { kind: 'idTail' | 'initials' | 'name' | 'none'; q: string } {
  const q = toHalfWidth(raw).replace(/[\s%_\\]+/g, '');
  if (q === '') return { kind: 'none', q };
  if (/^\d+[xX]?$/.test(q)) return { kind: 'idTail', q: q.toUpperCase() };
  if (/^[a-zA-Z]+$/.test(q)) return { kind: 'initials', q: q.toLowerCase() };
  return { kind: 'name', q };
}

export async function listTrainees(tx: Tx, input: ListInput): Promise<{ total: number; rows: TraineeTable[] }> {
  let q = tx.selectFrom('trainees');
  if (input.cohortYear !== undefined) q = q.where('cohort_year', '=', input.cohortYear);
  if (input.program) q = q.where('program', '=', input.program);
  if (input.specialtyCode) q = q.where('specialty_code', '=', input.specialtyCode);
  if (input.status) q = q.where('status', '=', input.status);
  const { kind, q: v } = classifyTraineeQuery(input.query ?? '');
  if (kind === 'idTail') q = q.where('id_number', 'like', `%${v}`);
  else if (kind === 'initials') q = q.where('name_initials', 'like', `${v}%`);
  else if (kind === 'name') q = q.where('name', 'like', `%${v}%`);
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('cohort_year', 'desc')
    .orderBy('specialty_code')
    .orderBy('name_initials')
    .orderBy('name')
    .orderBy('id')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { total, rows };
}

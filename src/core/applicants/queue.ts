/**
 * The desk's queue: applicants still 待确认, in the order of the applicant list (pinyin initials, name), so
 * the clerk's "next" key walks the same list the coordinator sees. After the last one it starts again at
 * the top, skipping whoever is open now.
 */
import type { ApplicantSummary } from '../../shared/contract/applicants';
import { requireBase } from '../base/base';
import { loadCatalogue } from '../catalogue/catalogue';
import type { Tx } from '../context';
import { summaryOf } from './record';

export async function nextInQueue(tx: Tx, afterId?: string): Promise<{ next: ApplicantSummary | null; waiting: number }> {
  const base = await requireBase(tx);
  const pending = tx
    .selectFrom('applicants')
    .where('cohort_year', '=', base.cohort_year)
    .where('confirmation_status', '=', 'pending');
  const waiting = Number((await pending.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const current = afterId
    ? await tx.selectFrom('applicants').select(['id', 'name_initials', 'name']).where('id', '=', afterId).executeTakeFirst()
    : undefined;
  const ordered = pending.selectAll().orderBy('name_initials').orderBy('name').orderBy('id').limit(1);
  const after = current
    ? await ordered
        .where((eb) =>
          eb.or([
            eb('name_initials', '>', current.name_initials),
            eb.and([eb('name_initials', '=', current.name_initials), eb('name', '>', current.name)]),
            eb.and([eb('name_initials', '=', current.name_initials), eb('name', '=', current.name), eb('id', '>', current.id)]),
          ]),
        )
        .executeTakeFirst()
    : undefined;
  const row = after ?? (await ordered.where('id', '!=', afterId ?? '').executeTakeFirst());
  return { next: row ? summaryOf(row, await loadCatalogue(tx)) : null, waiting };
}

import type { Core } from '../context';

/**
 * Reserves the next Sequence-Number for a base and kind. It is signed into the package, so it must be
 * known before the build; reserving (rather than counting built packages) keeps two builds running at
 * once from getting the same number.
 */
export async function reserveSequence(core: Core, baseCode: string, kind: string): Promise<number> {
  return core.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('package_kind_sequences')
      .select('last_sequence')
      .where('base_code', '=', baseCode)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const next = (row?.last_sequence ?? 0) + 1;
    await tx
      .insertInto('package_kind_sequences')
      .values({ base_code: baseCode, kind, last_sequence: next })
      .onConflict((oc) => oc.columns(['base_code', 'kind']).doUpdateSet({ last_sequence: next }))
      .execute();
    return next;
  });
}

/**
 * Gives a reservation back after a failed build, so the province sees no gap. Only the latest one can go
 * back: if another build reserved after it, releasing would make that number come round again.
 */
export async function releaseSequence(core: Core, baseCode: string, kind: string, sequence: number): Promise<void> {
  await core.db
    .updateTable('package_kind_sequences')
    .set({ last_sequence: sequence - 1 })
    .where('base_code', '=', baseCode)
    .where('kind', '=', kind)
    .where('last_sequence', '=', sequence)
    .execute();
}

import type { Kysely } from 'kysely';

/**
 * A 志愿 may name another base (Chongqing 助理全科: up to 2 bases; Beijing: base + specialty), so each
 * applicant's choices are kept as a list of {order, base, specialty}: `choice_list_json`. `choices_json` keeps
 * this base's own specialty codes in choice order (what plans, lists and scores read). Existing rows are
 * converted losslessly: every stored code becomes a choice of this base (base null) at its position.
 *
 * `assigned_json`: a person the province or city assigned to this base in 调剂 ({by, fromBase, specialty,
 * notice, reason, recordedBy, recordedAt}); null for everyone who applied here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applicants').addColumn('choice_list_json', 'text').execute();
  await db.schema.alterTable('applicants').addColumn('assigned_json', 'text').execute();
  const rows = (await db.selectFrom('applicants').select(['id', 'choices_json']).execute()) as Array<{
    id: string;
    choices_json: string;
  }>;
  for (const r of rows) {
    await db
      .updateTable('applicants')
      .set({ choice_list_json: JSON.stringify(convert(r.choices_json)) })
      .where('id', '=', r.id)
      .execute();
  }
}

/** Old codes at their positions; an empty slot (a remapped-away code) keeps its position number free. */
function convert(json: string): Array<{ order: number; base: null; specialty: string }> {
  const codes: unknown = JSON.parse(json);
  if (!Array.isArray(codes)) return [];
  const out: Array<{ order: number; base: null; specialty: string }> = [];
  codes.forEach((c, i) => {
    if (typeof c === 'string' && c.trim() !== '') out.push({ order: i + 1, base: null, specialty: c });
  });
  return out;
}

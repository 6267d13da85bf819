// Frozen once shipped. An applicant's supplied fields as a bit set instead of a JSON list.
import { sql, type Kysely } from 'kysely';
import { storedSupplied } from '../../applicants/supplied-fields';

/**
 * `applicants.supplied_json` held the record fields a roster supplied as a JSON array, about 250 bytes that
 * are the same on every row of a roster: a third of each stored applicant. It now holds one bit per field as
 * decimal text (applicants/supplied-fields.ts, whose bit positions are append-only). Existing lists are
 * rewritten once per distinct list, of which a base has a handful (one per roster layout). A list naming a
 * field the bits do not know stays JSON, which is still read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ supplied_json: string }>`SELECT DISTINCT supplied_json FROM applicants
    WHERE supplied_json LIKE '[%'`.execute(db);
  for (const { supplied_json: json } of rows) {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list) || !list.every((k) => typeof k === 'string')) continue;
    const bits = storedSupplied(list as string[]);
    if (bits === null || bits.startsWith('[')) continue;
    await sql`UPDATE applicants SET supplied_json = ${bits} WHERE supplied_json = ${json}`.execute(db);
  }
}

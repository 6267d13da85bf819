/**
 * The applicants' ID numbers have one index: it allows one live person per year, lets purged rows (ID number
 * '') share a year, and is what every look-up by year and ID number seeks.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { tempDir } from '../../helpers/core';

const COLUMNS = 'id, cohort_year, id_number, name, created_at, updated_at, purged_at';
const NOW = '2024-06-01T08:00:00.000Z';

/** The shapes of look-up by ID number the core uses (desk, import, list, retention, interview sessions). */
const LOOKUPS = [
  `SELECT * FROM applicants WHERE cohort_year = 2024 AND id_number = '1'`,
  `SELECT * FROM applicants WHERE cohort_year = 2024 AND id_number IN (SELECT value FROM json_each('["1","2"]'))`,
  `SELECT * FROM applicants WHERE cohort_year = 2024 AND id_number >= '1101' AND id_number < '1102' LIMIT 20`,
  `SELECT id FROM applicants WHERE cohort_year = 2024 AND (id = 'x' OR id_number = 'y')`,
  `SELECT id FROM applicants WHERE cohort_year = 2024 ORDER BY id_number LIMIT 50 OFFSET 100`,
  `SELECT id FROM applicants WHERE cohort_year = 2024 AND id_number = 'y' AND purged_at IS NULL`,
  `SELECT id FROM applicants a WHERE cohort_year = 2024 AND purged_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM trainees t WHERE t.id_number = a.id_number)`,
  `SELECT id FROM applicants WHERE cohort_year = 2024
     AND ((id_number >= '138' AND id_number < '139') OR (phone >= '138' AND phone < '139')) ORDER BY name LIMIT 50`,
];

type Raw = Awaited<ReturnType<typeof openDatabase>>['raw'];

function addApplicant(raw: Raw, id: string, idNumber: string, purgedAt: string | null = null, year = 2024): void {
  raw
    .prepare(`INSERT INTO applicants (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(id, year, idNumber, '测试', NOW, NOW, purgedAt);
}

function plan(raw: Raw, query: string): string {
  return (raw.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
}

function indexesOnIdNumber(raw: Raw): string[] {
  const indexes = raw.prepare(`SELECT name FROM pragma_index_list('applicants')`).all() as Array<{ name: string }>;
  return indexes
    .filter((i) =>
      (raw.prepare(`SELECT name FROM pragma_index_info(?)`).all(i.name) as Array<{ name: string | null }>).some(
        (c) => c.name === 'id_number',
      ),
    )
    .map((i) => i.name);
}

describe('the applicants ID-number index', () => {
  it('refuses a second live applicant with the same ID number in a year, and allows it in another year', async () => {
    const db = await openDatabase({ file: join(tempDir(), 'a.sqlite') });
    addApplicant(db.raw, 'a1', '110101199003074514');
    expect(() => addApplicant(db.raw, 'a2', '110101199003074514')).toThrow(/UNIQUE/);
    addApplicant(db.raw, 'a3', '110101199003074514', null, 2025);
    await db.close();
  });

  it('lets purged rows of one year share the emptied ID number, and a live row reuse a purged person’s number', async () => {
    const db = await openDatabase({ file: join(tempDir(), 'a.sqlite') });
    addApplicant(db.raw, 'p1', '', NOW);
    addApplicant(db.raw, 'p2', '', NOW);
    addApplicant(db.raw, 'a1', '110101199003074514');
    db.raw.prepare(`UPDATE applicants SET id_number = '', purged_at = ? WHERE id = 'a1'`).run(NOW);
    addApplicant(db.raw, 'a2', '110101199003074514');
    expect(db.raw.prepare(`SELECT count(*) AS n FROM applicants WHERE cohort_year = 2024`).get()).toEqual({ n: 4 });
    await db.close();
  });

  it('is the one index on the ID number, and every look-up by ID number plans as it did with the two', async () => {
    const before = await openDatabase({ file: join(tempDir(), 'a.sqlite'), targetVersion: 17 });
    const after = await openDatabase({ file: join(tempDir(), 'b.sqlite') });
    expect(indexesOnIdNumber(after.raw)).toEqual(['applicants_cohort_id']);
    const sameIndex = (p: string) => p.replace(/applicants_id_number|applicants_cohort_id/g, 'the ID-number index');
    for (const q of LOOKUPS) expect(sameIndex(plan(after.raw, q))).toBe(sameIndex(plan(before.raw, q)));
    expect(plan(after.raw, LOOKUPS[0]!)).toMatch(/USING INDEX applicants_cohort_id \(cohort_year=\? AND id_number=\?\)/);
    await before.close();
    await after.close();
  });

  it('upgrades a database holding live and purged applicants without losing any', async () => {
    const file = join(tempDir(), 'a.sqlite');
    const old = await openDatabase({ file, targetVersion: 17 });
    expect(indexesOnIdNumber(old.raw).sort()).toEqual(['applicants_cohort_id', 'applicants_id_number']);
    addApplicant(old.raw, 'p1', '', NOW);
    addApplicant(old.raw, 'p2', '', NOW);
    addApplicant(old.raw, 'a1', '110101199003074514');
    await old.close();
    const db = await openDatabase({ file });
    expect(indexesOnIdNumber(db.raw)).toEqual(['applicants_cohort_id']);
    expect(db.raw.prepare(`SELECT id FROM applicants ORDER BY id`).all()).toEqual([{ id: 'a1' }, { id: 'p1' }, { id: 'p2' }]);
    expect(() => addApplicant(db.raw, 'a2', '110101199003074514')).toThrow(/UNIQUE/);
    await db.close();
  });
});

import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { err, ok, setupBase } from '../../helpers/core';
import { suppliedOf } from '../../../src/core/applicants/supplied-fields';
import { csvFile, roster } from './helpers';

async function counts(core: Core) {
  const n = (sql: string) => (core.raw.prepare(sql).get() as { n: number }).n;
  return { applicants: n('SELECT count(*) AS n FROM applicants'), events: n('SELECT count(*) AS n FROM events') };
}

function storedSuppliedOf(core: Core, idNumber: string): string[] | null {
  const row = core.raw.prepare('SELECT supplied_json FROM applicants WHERE id_number = ?').get(idNumber) as {
    supplied_json: string;
  };
  return suppliedOf(row.supplied_json);
}

describe('applicants import, writing many rows', () => {
  it('a failure in a later insert batch of a large file writes nothing, not even the earlier batches', async () => {
    const { core, session } = await setupBase();
    await ok(core, session, 'applicants.commitImport', csvFile(roster(5, 40), 'first.csv'));
    const rows = roster(350, 41);
    const victim = rows[320]!.证件号码;
    core.raw.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON applicants WHEN NEW.id_number = '${victim}' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    );
    const before = await counts(core);
    const e = await err(core, session, 'applicants.commitImport', csvFile(rows));
    expect(e.code).toBe('INTERNAL');
    expect(await counts(core)).toEqual(before);
  });

  it('re-importing a roster of more than 500 people finds each stored one by ID: only the changed row updates', async () => {
    const { core, session } = await setupBase();
    const rows = roster(1200, 42);
    expect(await ok(core, session, 'applicants.commitImport', csvFile(rows))).toMatchObject({ imported: 1200 });
    const newer = rows.map((r) => ({ ...r }));
    newer[1100]!.手机号码 = '13900002222';
    newer.push(...roster(1, 43));
    const before = await counts(core);
    const r = await ok(core, session, 'applicants.commitImport', csvFile(newer, 'newer.csv'));
    expect(r).toMatchObject({ imported: 1, updated: 1, unchanged: 1199 });
    expect(r.changes.map((c) => c.row)).toEqual([1102]);
    // One applicant.update and one applicants.import event.
    expect(await counts(core)).toEqual({ applicants: before.applicants + 1, events: before.events + 2 });

    // The same file once more: nothing changes and no event is written.
    const settled = await counts(core);
    const again = await ok(core, session, 'applicants.commitImport', csvFile(newer, 'newer.csv'));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 1201 });
    expect(await counts(core)).toEqual(settled);
  }, 120_000);

  it('rows of files with different columns record the columns of their own file as supplied', async () => {
    const { core, session } = await setupBase();
    const full = roster(3, 44);
    const slim = roster(3, 45).map(({ 电子邮箱: _e, 民族: _m, ...rest }) => rest);
    await ok(core, session, 'applicants.commitImport', csvFile(full, 'full.csv'));
    await ok(core, session, 'applicants.commitImport', csvFile(slim as never, 'slim.csv'));
    for (const a of full) expect(storedSuppliedOf(core, a.证件号码)).toEqual(expect.arrayContaining(['email', 'ethnicity']));
    for (const a of slim) {
      const supplied = storedSuppliedOf(core, a.证件号码);
      expect(supplied).not.toContain('email');
      expect(supplied).not.toContain('ethnicity');
      expect(supplied).toContain('name');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { filledColumnSheet, oneCellRowsSheet, writeRawXlsx } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';
import { matrix, roster, toB64 } from './helpers';

describe('applicants import: sheets far bigger than their data', () => {
  it('a roster with a column filled down to row 1,048,576 imports its 2 people', async () => {
    const { core, session } = await setupBase();
    const people = roster(2, 31);
    const bytes = await writeRawXlsx({ sheets: [filledColumnSheet('报名', matrix(people))] });
    const file = { fileName: '两人名单.xlsx', contentBase64: toB64(bytes) };
    const result = await ok(core, session, 'applicants.commitImport', file);
    expect(result).toMatchObject({ imported: 2, updated: 0, rejected: [] });
    const names = await core.db.selectFrom('applicants').select('name').orderBy('source_row').execute();
    expect(names.map((n) => n.name)).toEqual(people.map((p) => p.姓名));
    await core.close();
    // A million rows are generated and read: generous for a shared, busy machine (this is not a speed test).
  }, 120_000);

  it('a sheet over the row limit is refused with FILE_TOO_MANY_ROWS, and nothing is written', async () => {
    const { core, session } = await setupBase();
    const bytes = await writeRawXlsx({ sheets: [oneCellRowsSheet('Sheet1', 200_001)] });
    const file = { fileName: '太多行.xlsx', contentBase64: toB64(bytes) };
    const e = await err(core, session, 'applicants.previewImport', file);
    expect(e).toMatchObject({ code: 'FILE_TOO_MANY_ROWS', message: expect.stringContaining('太多行.xlsx') });
    expect(await err(core, session, 'applicants.commitImport', file)).toMatchObject({ code: 'FILE_TOO_MANY_ROWS' });
    const n = await core.db
      .selectFrom('applicants')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    await core.close();
  }, 120_000);
});

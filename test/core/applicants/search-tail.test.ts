/** Search by the last 4+ digits of an ID or phone number, stored as keyed hashes (never the clear digits). */
import { describe, expect, it } from 'vitest';
import { ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from './helpers';

async function withRoster(n = 60) {
  const { core, session } = await setupBase();
  const rows = roster(n, 77);
  await ok(core, session, 'applicants.commitImport', csvFile(rows));
  return { core, session, rows };
}

describe('tail search at the desk', () => {
  it('finds by the last 4, 6 or all digits of the ID number and the last 4 of the phone; results stay masked', async () => {
    const { core, session, rows } = await withRoster();
    const p = rows[23]!;
    const names = async (query: string) => (await ok(core, session, 'applicants.search', { query })).results.map((r) => r.name);
    expect(await names(p.证件号码.slice(-4))).toContain(p.姓名);
    expect(await names(p.证件号码.slice(-6).toLowerCase())).toContain(p.姓名);
    expect(await names(p.手机号码.slice(-4))).toContain(p.姓名);
    expect((await names(p.证件号码))[0]).toBe(p.姓名);
    for (const q of [p.证件号码.slice(-4), p.手机号码.slice(-4)]) {
      const hits = (await ok(core, session, 'applicants.search', { query: q })).results;
      // Every hit really ends with what was typed (the short hash only narrows the search).
      for (const h of hits) {
        const row = rows.find((r) => r.姓名 === h.name && (r.证件号码.endsWith(q) || r.手机号码.endsWith(q)));
        expect(row, `${h.name} does not end with ${q}`).toBeDefined();
      }
      expect(hits.every((h) => /\*{4}/.test(h.idNumber))).toBe(true);
    }
  });

  it('3 digits are not a tail: too many people share them', async () => {
    const { core, session, rows } = await withRoster();
    const p = rows[5]!;
    const hits = await ok(core, session, 'applicants.search', { query: p.证件号码.slice(-3) });
    expect(hits.results.map((r) => r.name)).not.toContain(p.姓名);
  });

  it('stores short keyed hashes, not the digits, and re-hashes a changed number', async () => {
    const { core, session, rows } = await withRoster(20);
    const p = rows[7]!;
    await ok(core, session, 'applicants.search', { query: p.证件号码.slice(-4) });
    const stored = await core.db
      .selectFrom('applicants')
      .select(['id_tail_key', 'phone_tail_key'])
      .where('id_number', '=', p.证件号码)
      .executeTakeFirstOrThrow();
    expect(stored.id_tail_key).toMatch(/^[0-9a-f]{8}$/);
    expect(stored.phone_tail_key).toMatch(/^[0-9a-f]{8}$/);
    expect(stored.id_tail_key).not.toContain(p.证件号码.slice(-4));

    // A re-import with a new phone number: the old tail no longer finds the person, the new one does.
    const oldTail = p.手机号码.slice(-4);
    const changed = rows.map((r) => (r === p ? { ...r, 手机号码: '13900009876' } : r));
    await ok(core, session, 'applicants.commitImport', csvFile(changed));
    const names = async (query: string) => (await ok(core, session, 'applicants.search', { query })).results.map((r) => r.name);
    expect(await names('9876')).toContain(p.姓名);
    if (!rows.some((r) => r !== p && r.手机号码.endsWith(oldTail) && r.姓名 === p.姓名)) {
      expect(await names(oldTail)).not.toContain(p.姓名);
    }
  });
});

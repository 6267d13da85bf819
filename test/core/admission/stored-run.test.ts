/**
 * What a stored run is read back as: a damaged row fails with a coded error naming its column, and what a
 * re-run reports as changed is the same whether the previous admitted list comes from the admissions table
 * or, when that table no longer matches the run, from the run's stored result.
 */
import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { seedApplicants, setPlan } from './seed';
import type { StoredRun } from '../../../src/core/admission/compute';
import { PACKED_FORMAT, packStoredRun } from '../../../src/core/admission/packed-run';
import { packFormat2 } from './earlier-forms';
import { FIRST_PAGE } from '../../../src/core/admission/service';
import { parseStoredRun } from '../../../src/core/admission/stored-run';

async function ranOnce() {
  const { core, session } = await setupBase('jilin-2024');
  await setPlan(core, session, [['0100', null, 2]]);
  const s = await seedApplicants(core, [
    { key: 'A', choices: ['0100'], total: 90 },
    { key: 'B', choices: ['0100'], total: 85 },
    { key: 'C', choices: ['0100'], total: 80 },
  ]);
  await ok(core, session, 'admission.run', {});
  return { core, session, s };
}

describe('a stored admission run read back', () => {
  it('refuses a damaged result with STORED_JSON_INVALID naming the column, and changes nothing', async () => {
    const { core, session } = await ranOnce();
    await core.db.updateTable('admission_runs').set({ result_json: '{"result":{"admissions":[{"id":1}]}}' }).execute();
    for (const op of ['admission.list', 'admission.competitions'] as const) {
      const e = await err(core, session, op, {});
      expect(e.code).toBe('STORED_JSON_INVALID');
      expect(e.message).toContain('admission_runs.result_json');
    }
    expect(await core.db.selectFrom('admissions').select('applicant_id').execute()).toHaveLength(2);
  });

  it('refuses damaged changes or fingerprints the same way', async () => {
    const { core, session } = await ranOnce();
    await core.db.updateTable('admission_runs').set({ changes_json: '[{"kind":"moved"}]' }).execute();
    expect((await err(core, session, 'admission.list', {})).message).toContain('admission_runs.changes_json');
    await core.db.updateTable('admission_runs').set({ changes_json: '[]', inputs_json: 'not json' }).execute();
    expect((await err(core, session, 'admission.list', {})).message).toContain('admission_runs.inputs_json');
  });

  it('reports the same change after a decline when the admitted list was edited by hand', async () => {
    const { core, session, s } = await ranOnce();
    const fromTable = await ok(core, session, 'admission.decline', { applicantId: s.id('A') });
    expect(fromTable.changes.map((c) => [c.applicantId, c.kind])).toEqual([
      [s.id('A'), 'dropped'],
      [s.id('C'), 'admitted'],
    ]);
    await ok(core, session, 'admission.revokeDecision', {
      decisionId: (await core.db.selectFrom('admission_decisions').select('id').executeTakeFirstOrThrow()).id,
      reason: '登记错误',
    });
    // Someone emptied the admitted list outside the app: the run's stored result still says who was in.
    await core.db.deleteFrom('admissions').execute();
    const fromStored = await ok(core, session, 'admission.decline', { applicantId: s.id('A') });
    expect(fromStored.changes).toEqual(fromTable.changes);
  });
});

describe('results fed to one core', () => {
  it('stay with that core: another core with the same applicants reads its own (absent) scores', async () => {
    const fed = await ranOnce();
    const other = await setupBase('jilin-2024');
    await setPlan(other.core, other.session, [['0100', null, 2]]);
    await other.core.db
      .insertInto('applicants')
      .values(await fed.core.db.selectFrom('applicants').selectAll().execute())
      .execute();
    const run = await ok(other.core, other.session, 'admission.run', {});
    expect(run.admitted).toEqual([]);
    expect(run.notAdmitted.map((n) => n.message)).toEqual(Array(3).fill('不参与录取：考核成绩不完整（缺少：笔试、面试）。'));
    expect((await ok(fed.core, fed.session, 'admission.list', {})).admitted).toHaveLength(2);
  });
});

describe('the compact stored form', () => {
  const run = (): StoredRun => ({
    result: {
      admissions: [{ id: 'a1', specialty: '0100', category: null, round: 'choice-1', rank: 1 }],
      notAdmitted: [
        { id: 'a2', code: 'AWAITING_TIE', message: '等待末位同分决定。' },
        { id: 'a3', code: 'AWAITING_TIE', message: '等待末位同分决定。' },
        { id: 'a4', code: 'INELIGIBLE', message: '资格审核未通过。' },
        { id: 'x9', code: 'DECLINED', message: '本人放弃。' },
      ],
      unfilled: [],
      ties: [{ round: 'choice-1', specialty: '0100', category: null, seatsLeft: 1, ids: ['a2', 'a3'], total: 8500, rank: 2 }],
      proposals: [],
      explanation: [
        {
          round: 'choice-1',
          specialty: '0100',
          category: null,
          seatsBefore: 2,
          ranked: [
            { id: 'a1', total: 9000, rank: 1, admitted: true },
            { id: 'a2', total: 8500, rank: 2, admitted: false, tied: true },
            { id: 'a3', total: 8500, rank: 2, admitted: false, tied: false },
          ],
        },
        { round: 'choice-2', specialty: '0200', category: '单位人', seatsBefore: 0, heldForTie: true, ranked: [] },
      ],
      warnings: [],
      decisionErrors: [],
      provisional: true,
    },
    totals: { a1: 9000, a2: 8500, a3: 8500, a4: null },
    ineligible: { a4: '现场确认未通过' },
    planSeats: 2,
    poolSeats: 0,
    roundLimit: null,
    secondWindowChoices: null,
  });

  it('reads back exactly what was stored, each shared message kept once', () => {
    const text = packStoredRun(run());
    expect(parseStoredRun(text)).toEqual(run());
    expect(JSON.parse(text)).toMatchObject({ format: 3, messages: ['等待末位同分决定。', '资格审核未通过。', '本人放弃。'] });
    expect(PACKED_FORMAT).toBe(3);
  });

  it('names each applicant by a position in one list of ids, and keeps an entry total that is not the applicant’s', () => {
    const own = run();
    own.result.explanation[0]!.ranked[0]!.total = 8999;
    own.result.admissions[0] = { ...own.result.admissions[0]!, overQuota: true, reason: '批准', assignedBy: 'city' };
    const text = packStoredRun(own);
    expect(parseStoredRun(text)).toEqual(own);
    type Packed = {
      ids: string[];
      admissionExtras: unknown[];
      notAdmitted: unknown[];
      admissions: unknown[];
      ranked: unknown[][];
    };
    const packed = JSON.parse(text) as Packed;
    expect(packed.ids).toEqual(['a1', 'a2', 'a3', 'a4', 'x9']);
    expect(packed.admissionExtras).toEqual([[0, { overQuota: true, reason: '批准', assignedBy: 'city' }]]);
    for (const list of [packed.notAdmitted, packed.admissions, ...packed.ranked]) {
      expect(list.every((n) => typeof n === 'number')).toBe(true);
    }
  });

  it('reads a run saved in the earlier compact form (format 2) exactly as it was stored', () => {
    const text = packFormat2(run());
    expect(JSON.parse(text)).toMatchObject({ format: 2, messages: ['等待末位同分决定。', '资格审核未通过。', '本人放弃。'] });
    expect(parseStoredRun(text)).toEqual(run());
  });

  it('refuses packed lists that point past their tables with STORED_JSON_INVALID', () => {
    type Columns = [string[], number[]];
    const packed = JSON.parse(packFormat2(run())) as { notAdmitted: Columns; ranked: Columns[] };
    for (const damage of [
      (p: typeof packed) => (p.notAdmitted[1][1] = 99),
      (p: typeof packed) => (p.ranked[0]![1][2] = 8),
      (p: typeof packed) => p.ranked[0]![0].pop(),
      (p: typeof packed) => p.ranked.pop(),
    ]) {
      const copy = structuredClone(packed);
      damage(copy);
      expect(() => parseStoredRun(JSON.stringify(copy))).toThrow(expect.objectContaining({ code: 'STORED_JSON_INVALID' }));
    }
  });

  it('refuses compact lists that point past their tables or do not fit with STORED_JSON_INVALID', () => {
    type Packed = {
      ids: unknown[];
      totals: unknown[];
      notAdmitted: number[];
      seats: unknown[];
      admissions: number[];
      admissionExtras: unknown[];
      ranked: number[][];
    };
    const packed = JSON.parse(packStoredRun(run())) as Packed;
    for (const damage of [
      (p: Packed) => (p.notAdmitted[1] = 99),
      (p: Packed) => (p.notAdmitted[0] = 99),
      (p: Packed) => p.notAdmitted.pop(),
      (p: Packed) => (p.ranked[0]![0] = 99),
      (p: Packed) => (p.ranked[0]![1] = -1),
      (p: Packed) => p.ranked[0]!.pop(),
      (p: Packed) => p.ranked.pop(),
      (p: Packed) => (p.admissions[1] = 9),
      (p: Packed) => (p.admissions[2] = 6),
      (p: Packed) => (p.admissions[3] = 'one' as unknown as number),
      (p: Packed) => p.admissions.pop(),
      (p: Packed) => p.admissionExtras.push([5, { reason: '多余' }]),
      (p: Packed) => p.admissionExtras.push([0, { id: 'a9' }]),
      (p: Packed) => p.admissionExtras.push([0, '多余']),
      (p: Packed) => (p.ids[0] = 7),
      (p: Packed) => p.totals.push(1, 2),
      (p: Packed) => (p.totals[0] = '9000'),
      (p: Packed) => (p.seats[0] = ['0100']),
    ]) {
      const copy = structuredClone(packed);
      damage(copy);
      expect(() => parseStoredRun(JSON.stringify(copy))).toThrow(expect.objectContaining({ code: 'STORED_JSON_INVALID' }));
    }
  });

  it('refuses an admission entry of the wrong shape with STORED_JSON_INVALID, and keeps extra fields of a sound one', () => {
    type Packed = { run: { result: { admissions: Array<Record<string, unknown>> } } };
    const packed = JSON.parse(packFormat2(run())) as Packed;
    for (const damage of [
      { round: 'choice-9' },
      { rank: '1' },
      { category: 3 },
      { overQuota: 'yes' },
      { reason: 7 },
      { assignedBy: 'county' },
      { specialty: null },
    ]) {
      const copy = structuredClone(packed);
      Object.assign(copy.run.result.admissions[0]!, damage);
      expect(() => parseStoredRun(JSON.stringify(copy))).toThrow(expect.objectContaining({ code: 'STORED_JSON_INVALID' }));
    }
    const extra = structuredClone(packed);
    Object.assign(extra.run.result.admissions[0]!, { note: '保留' });
    expect(parseStoredRun(JSON.stringify(extra)).result.admissions[0]).toMatchObject({ id: 'a1', note: '保留' });
  });

  it('refuses further admission fields of the wrong shape in the compact form, and keeps sound ones', () => {
    type Packed = { admissionExtras: Array<[number, Record<string, unknown>]> };
    const packed = JSON.parse(packStoredRun(run())) as Packed;
    for (const damage of [{ overQuota: 'yes' }, { reason: 7 }, { overQuotaReason: 1 }, { assignedBy: 'county' }]) {
      const copy = structuredClone(packed);
      copy.admissionExtras.push([0, damage]);
      expect(() => parseStoredRun(JSON.stringify(copy))).toThrow(expect.objectContaining({ code: 'STORED_JSON_INVALID' }));
    }
    const extra = structuredClone(packed);
    extra.admissionExtras.push([0, { note: '保留' }]);
    expect(parseStoredRun(JSON.stringify(extra)).result.admissions[0]).toMatchObject({ id: 'a1', note: '保留' });
  });

  it('is how a run is saved, and a run saved in an earlier form (plain or format 2) reads the same', async () => {
    const { core, session } = await ranOnce();
    const row = await core.db.selectFrom('admission_runs').select(['id', 'result_json']).executeTakeFirstOrThrow();
    expect(JSON.parse(row.result_json)).toMatchObject({ format: 3 });
    const list = await ok(core, session, 'admission.list', {});
    const competitions = await ok(core, session, 'admission.competitions', {});
    const plain = JSON.stringify(parseStoredRun(row.result_json));
    await core.db.updateTable('admission_runs').set({ result_json: plain }).where('id', '=', row.id).execute();
    expect(await ok(core, session, 'admission.list', {})).toEqual(list);
    expect(await ok(core, session, 'admission.competitions', {})).toEqual(competitions);
    const format2 = packFormat2(parseStoredRun(row.result_json));
    await core.db.updateTable('admission_runs').set({ result_json: format2 }).where('id', '=', row.id).execute();
    expect(await ok(core, session, 'admission.list', {})).toEqual(list);
    expect(await ok(core, session, 'admission.competitions', {})).toEqual(competitions);
    expect(list.notAdmitted.map((n) => n.code)).toEqual(['NO_SEAT']);
  });
});

describe('what a change returns', () => {
  it('is the first page of each list with the whole counts; admission.list and allRows give every row', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await setPlan(core, session, [['0100', null, FIRST_PAGE + 10]]);
    const people = Array.from({ length: FIRST_PAGE * 2 }, (_, i) => ({
      key: `P${i}`,
      choices: ['0100'],
      total: 60 + (i % 397) / 10,
    }));
    await seedApplicants(core, people);
    const run = await ok(core, session, 'admission.run', {});
    const list = await ok(core, session, 'admission.list', {});
    expect([run.admittedCount, run.notAdmittedCount]).toEqual([FIRST_PAGE + 10, FIRST_PAGE - 10]);
    expect([list.admitted.length, list.notAdmitted.length]).toEqual([FIRST_PAGE + 10, FIRST_PAGE - 10]);
    expect(run.admitted).toEqual(list.admitted.slice(0, FIRST_PAGE));
    expect(run.notAdmitted).toEqual(list.notAdmitted.slice(0, FIRST_PAGE));
    const all = await ok(core, session, 'admission.run', { allRows: true });
    expect([all.admitted, all.notAdmitted]).toEqual([list.admitted, list.notAdmitted]);
    const declined = await ok(core, session, 'admission.decline', { applicantId: list.admitted[0]!.applicantId });
    expect(declined.admitted).toHaveLength(FIRST_PAGE);
    const declinedAll = await ok(core, session, 'admission.decline', {
      applicantId: list.admitted[1]!.applicantId,
      allRows: true,
    });
    expect(declinedAll.admitted).toHaveLength(FIRST_PAGE + 10);
  });
});

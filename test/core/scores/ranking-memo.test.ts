import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { computeRanking } from '../../../src/core/scores/ranking-compute';
import { showRanking } from '../../../src/core/scores/ranking';
import { rankingPage } from '../../../src/core/scores/ranking-page';
import { writeCsv } from '../../../src/core/testdata';
import { freshCore, ok, setupBase } from '../../helpers/core';
import { addApplicants, file, storeScores, type TestApplicant } from './fixtures';

const HEAD = ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'];
const SPECIALTY: Record<string, string> = { '0100': '内科', '0200': '儿科' };

async function importScores(core: Core, session: string, rows: Array<[TestApplicant, string, string]>, replace = false) {
  const rowsOut = rows.map(([a, w, i]) => [a.name, a.idNumber, SPECIALTY[a.specialty]!, w, i, '']);
  const csv = writeCsv([HEAD, ...rowsOut], { encoding: 'utf-8' });
  const report = await ok(core, session, 'scores.import', {
    ...file('scores.csv', csv),
    ...(replace ? { replace, reason: '更正' } : {}),
  });
  expect(report.rejected).toEqual([]);
}

/** Jilin, 内科 1 seat and 儿科: A and B tie in 内科, C and D rank in 儿科, X missed the interview. */
async function scenario() {
  const { core, session } = await setupBase('jilin-2024');
  await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 1 });
  await ok(core, session, 'plan.setQuota', { specialtyCode: '0200', category: null, quota: 1 });
  const people = await addApplicants(core, 5, { specialties: ['0100', '0100', '0200', '0200', '0100'] });
  const [a, b, c, d, x] = people as [TestApplicant, TestApplicant, TestApplicant, TestApplicant, TestApplicant];
  await importScores(core, session, [
    [a, '85', '85'],
    [b, '85', '85'],
    [c, '90', '70'],
    [d, '60', '80'],
    [x, '70', '缺考'],
  ]);
  return { core, session, a, b, c, d, x };
}

/** What ranking.show and ranking.page answer now, through the API (the memo in use), and computed afresh. */
async function answers(core: Core, session: string) {
  const pageInput = { onlyAdmissible: false, pages: {} };
  return {
    shown: await ok(core, session, 'ranking.show', {}),
    paged: await ok(core, session, 'ranking.page', pageInput),
    fresh: await showRanking(core.db, {}),
    freshPage: await rankingPage(core.db, pageInput),
  };
}

/** After each change the API answers what a fresh computation answers, and something did change. */
async function expectFreshAfter(core: Core, session: string, change: () => Promise<unknown>) {
  const before = await answers(core, session);
  expect(before.shown).toEqual(before.fresh);
  await change();
  const after = await answers(core, session);
  expect(after.shown).toEqual(after.fresh);
  expect(after.paged).toEqual(after.freshPage);
  expect(after.shown).not.toEqual(before.shown);
}

describe('the ranking kept between calls follows every change of its inputs', () => {
  it('an unchanged database gives the kept ranking again', async () => {
    const { core } = await scenario();
    const first = await computeRanking(core.db, {}, false, core.rankingMemo);
    expect(await computeRanking(core.db, {}, false, core.rankingMemo)).toBe(first);
    // Another filter is another ranking; the first is still kept.
    const surgery = await computeRanking(core.db, { specialty: '0200' }, false, core.rankingMemo);
    expect(surgery.groups.map((g) => g.key)).toEqual(['0200']);
    expect(await computeRanking(core.db, {}, false, core.rankingMemo)).toBe(first);
  });

  it('a filtered ranking, kept or cut from the whole one, is the one computed for the filter', async () => {
    for (const [presetId, categories] of [
      ['jilin-2024', ['单位人', '社会人']],
      // Quotas split by category: a category filter keeps whole groups.
      ['beijing-2023', ['委托培训', '自主培训']],
    ] as const) {
      const { core, session } = await setupBase(presetId);
      const people = await addApplicants(core, 40, { specialties: ['0100', '0200'], categories: [...categories] });
      const { components } = await ok(core, session, 'scores.components', {});
      await storeScores(
        core,
        people.flatMap((a, n) => components.map((c) => ({ applicantId: a.id, component: c.key, value: 6000 + (n % 7) * 500 }))),
      );
      await ok(core, session, 'ranking.page', { onlyAdmissible: false, pages: {} });
      // A search needs everyone's names, which the page before did not read.
      const search = { query: people[3]!.name, onlyAdmissible: false, pages: {} };
      const found = await ok(core, session, 'ranking.page', search);
      expect(found.groups.flatMap((g) => g.lines).length).toBeGreaterThan(0);
      expect(found).toEqual(await rankingPage(core.db, search));
      for (const filter of [
        { specialty: '0200' },
        { category: categories[1] },
        { specialty: '0100', category: categories[0] },
        {},
      ]) {
        const input = { ...filter, onlyAdmissible: false, pages: {} };
        expect(await ok(core, session, 'ranking.page', input)).toEqual(await rankingPage(core.db, input));
        expect(await ok(core, session, 'ranking.show', filter)).toEqual(await showRanking(core.db, filter));
      }
    }
  });

  it('a score, an absent flag, and a component’s maximum or weight', async () => {
    const { core, session, a, b, c, d, x } = await scenario();
    await expectFreshAfter(core, session, () =>
      importScores(
        core,
        session,
        [
          [a, '85', '85'],
          [b, '86', '85'],
          [c, '90', '70'],
          [d, '60', '80'],
          [x, '70', '缺考'],
        ],
        true,
      ),
    );
    // 缺考 in place of a score, as a direct write (what a station import or a correction leaves).
    await expectFreshAfter(core, session, () =>
      core.db.updateTable('component_scores').set({ absent: 1, value: null }).where('applicant_id', '=', c.id).execute(),
    );
    const { components } = await ok(core, session, 'scores.components', {});
    await expectFreshAfter(core, session, () =>
      ok(core, session, 'scores.setComponents', {
        components: components.map((k, i) => ({
          key: k.key,
          name: k.name,
          max: k.max,
          weight: i === 0 ? k.weight + 10 : k.weight - 10,
        })),
        reason: '权重调整',
      }),
    );
    const now = await ok(core, session, 'scores.components', {});
    await expectFreshAfter(core, session, () =>
      ok(core, session, 'scores.setComponents', {
        components: now.components.map((k, i) => ({
          key: k.key,
          name: k.name,
          max: i === 0 ? k.max * 2 : k.max,
          weight: k.weight,
        })),
        reason: '满分调整',
      }),
    );
  });

  it('a confirmation status, a first choice, a category and a specialty’s name', async () => {
    const { core, session, a, d } = await scenario();
    await expectFreshAfter(core, session, () => ok(core, session, 'confirm.reopen', { id: a.id, reason: '学历证书原件待核验' }));
    await expectFreshAfter(core, session, () =>
      core.db
        .updateTable('applicants')
        .set({ choices_json: JSON.stringify(['0100']) })
        .where('id', '=', d.id)
        .execute(),
    );
    await expectFreshAfter(core, session, () =>
      core.db.updateTable('applicants').set({ category: '单位人' }).where('id', '=', d.id).execute(),
    );
    await expectFreshAfter(core, session, () =>
      core.db.updateTable('specialties').set({ name: '内科学' }).where('code', '=', '0100').execute(),
    );
  });

  it('a tie decided in 择优录取, its revocation, and a manual order inside the tie', async () => {
    const { core, session, a, b } = await scenario();
    await ok(core, session, 'admission.run', {});
    await expectFreshAfter(core, session, () =>
      ok(core, session, 'admission.resolveTie', {
        round: 'choice-1',
        specialtyCode: '0100',
        category: null,
        admit: [b.id],
        reason: '面试答辩表现更好',
      }),
    );
    const decisions = await ok(core, session, 'admission.decisions', {});
    const tie = decisions.find((x) => x.kind === 'tie')!;
    await expectFreshAfter(core, session, () =>
      ok(core, session, 'admission.revokeDecision', { decisionId: tie.id, reason: '录入有误', confirm: true }),
    );
    // After the revocation the tie is open again, for a person to order.
    await expectFreshAfter(core, session, () =>
      ok(core, session, 'ranking.reorder', { groupKey: '0100', order: [b.id, a.id], reason: '面试答辩表现更好' }),
    );
  });

  it('a change committed by another connection to the same database (the CLI beside the app)', async () => {
    const { core, session, c } = await scenario();
    const other = await freshCore({ dataDir: core.dataDir });
    await expectFreshAfter(core, session, () =>
      other.db.updateTable('component_scores').set({ value: 10000 }).where('applicant_id', '=', c.id).execute(),
    );
  });

  it('nothing read inside a transaction is kept: a change rolled back leaves the committed ranking', async () => {
    const { core, session, a } = await scenario();
    const committed = await ok(core, session, 'ranking.show', {});
    await expect(
      core.db.transaction().execute(async (tx) => {
        await tx.updateTable('component_scores').set({ value: 1000 }).where('applicant_id', '=', a.id).execute();
        const inside = await showRanking(tx, {}, core.rankingMemo);
        expect(inside).not.toEqual(committed);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ok(core, session, 'ranking.show', {})).toEqual(committed);
    expect(await showRanking(core.db, {})).toEqual(committed);
  });
});

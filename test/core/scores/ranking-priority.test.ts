/**
 * The ranking orders as admission does: Jilin's 助理全科 单位人 first at equal totals (seed 002 一（二）1: “此类人员
 * 同等条件下优先录取。”), and each row says which round the candidate belongs to here.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { writeCsv } from '../../../src/core/testdata';
import { ok, setupBase } from '../../helpers/core';
import { addApplicants, file, type TestApplicant } from './fixtures';

const HEAD = ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'];

async function importScores(core: Core, session: string, rows: Array<[TestApplicant, string, string]>) {
  const csv = writeCsv([HEAD, ...rows.map(([a, w, i]) => [a.name, a.idNumber, '助理全科', w, i, ''])], { encoding: 'utf-8' });
  await ok(core, session, 'scores.import', file('scores.csv', csv));
}

async function agpGroup(core: Core, session: string) {
  const view = await ok(core, session, 'ranking.show', {});
  const g = view.groups.find((x) => x.specialty === 'AGP');
  if (g === undefined) throw new Error('no AGP group');
  return g;
}

describe('ranking: the preset’s priority at equal totals, and the round here', () => {
  it('助理全科: at equal totals the 单位人 ranks first even with the lower interview score, as admission admits', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await ok(core, session, 'plan.setQuota', { specialtyCode: 'AGP', category: null, quota: 1 });
    const [social, unit] = (await addApplicants(core, 2, { specialties: ['AGP'], categories: ['社会人', '单位人'] })) as [
      TestApplicant,
      TestApplicant,
    ];
    // Equal totals (60/40 weights): the 社会人 has the better interview, which the plain tie-break prefers.
    await importScores(core, session, [
      [social, '70', '90'],
      [unit, '90', '60'],
    ]);
    const g = await agpGroup(core, session);
    expect(g.priorityCategory).toBe('单位人');
    expect(g.ranked.map((r) => [r.applicantId, r.rank, r.tied])).toEqual([
      [unit.id, 1, false],
      [social.id, 2, false],
    ]);
    const run = await ok(core, session, 'admission.run', {});
    expect(run.admitted.map((a) => a.applicantId)).toEqual([unit.id]);
  });

  it('a candidate whose first choice is another base is in round 2 here, with that choice shown', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const [a, b] = (await addApplicants(core, 2, { specialties: ['AGP'], categories: ['社会人'] })) as [
      TestApplicant,
      TestApplicant,
    ];
    await core.db
      .updateTable('applicants')
      .set({
        choice_list_json: JSON.stringify([
          { order: 1, base: '吉林示例第二医院', specialty: '全科' },
          { order: 2, base: null, specialty: 'AGP' },
        ]),
      })
      .where('id', '=', b.id)
      .execute();
    await importScores(core, session, [
      [a, '80', '80'],
      [b, '70', '70'],
    ]);
    const g = await agpGroup(core, session);
    const row = (id: string) => g.ranked.find((r) => r.applicantId === id)!;
    expect(row(a.id)).toMatchObject({ round: 1, otherChoices: [] });
    expect(row(b.id)).toMatchObject({ round: 2, otherChoices: ['第一志愿：其他基地（吉林示例第二医院 全科）'] });
  });
});

import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { writeCsv } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';
import { addApplicants, file, type TestApplicant } from '../scores/fixtures';

const HEAD = ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'];

async function importScores(core: Core, session: string, rows: Array<[TestApplicant, string]>, reason?: string) {
  const csv = writeCsv([HEAD, ...rows.map(([a, s]) => [a.name, a.idNumber, '内科', s, s, ''])], { encoding: 'utf-8' });
  return ok(core, session, 'scores.import', { ...file('scores.csv', csv), ...(reason ? { replace: true, reason } : {}) });
}

describe('the 拟录取学员汇总表 of an out-of-date result', () => {
  it('is refused with ADMISSION_STALE (XLSX and print) until the run is repeated', async () => {
    const { core, session } = await setupBase('jilin-2024');
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0100', category: null, quota: 1 });
    const [a, b] = (await addApplicants(core, 2, { specialties: ['0100'] })) as [TestApplicant, TestApplicant];
    await importScores(core, session, [
      [a, '90'],
      [b, '80'],
    ]);
    await ok(core, session, 'admission.run', {});
    expect((await ok(core, session, 'admission.summaryXlsx', {})).contentBase64.length).toBeGreaterThan(0);

    await importScores(core, session, [[b, '95']], '复核更正成绩');
    const x = await err(core, session, 'admission.summaryXlsx', {});
    expect(x.code).toBe('ADMISSION_STALE');
    expect(x.message).toContain('考核成绩有变化');
    expect(x.message).toContain('汇总表');
    expect((await err(core, session, 'admission.summaryHtml', {})).code).toBe('ADMISSION_STALE');

    await ok(core, session, 'admission.run', {});
    expect((await ok(core, session, 'admission.summaryXlsx', {})).contentBase64.length).toBeGreaterThan(0);
  });
});

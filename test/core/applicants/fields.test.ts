/**
 * The roster columns the provinces' rules need beyond the platform's usual export (全日制在校研究生, 定向违约,
 * 定向就业县, 毕业专业类别): recognised by their Chinese headers, unknown when the roster has no such column,
 * and a column that arrives later turns "unknown" into a known value.
 */
import { describe, expect, it } from 'vitest';
import { ok, setupBase } from '../../helpers/core';
import { suppliedOf } from '../../../src/core/applicants/supplied-fields';
import { csvFile, roster } from './helpers';

async function stored(core: Awaited<ReturnType<typeof setupBase>>['core']) {
  return core.db
    .selectFrom('applicants')
    .select(['enrolled_student', 'rural_breach', 'rural_county', 'discipline', 'supplied_json'])
    .orderBy('id_number')
    .execute();
}

describe('applicant fields the rules need', () => {
  it('are read from their Chinese headers', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    const rows = roster(1, 51, ['自主培训']).map((r) => ({
      ...r,
      是否全日制在校研究生: '否',
      是否定向违约: '否',
      '定向就业县（市、区）': '某县',
      毕业专业类别: '临床医学',
    }));
    const preview = await ok(core, session, 'applicants.previewImport', csvFile(rows));
    expect(Object.values(preview.mapping)).toEqual(
      expect.arrayContaining(['enrolledStudent', 'ruralBreach', 'ruralCounty', 'discipline']),
    );
    await ok(core, session, 'applicants.commitImport', csvFile(rows));
    expect(await stored(core)).toMatchObject([
      { enrolled_student: 0, rural_breach: 0, rural_county: '某县', discipline: '临床医学' },
    ]);
  });

  it('are unknown (null) without a column, and the row remembers which columns it had', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    await ok(core, session, 'applicants.commitImport', csvFile(roster(1, 52, ['自主培训'])));
    const [row] = await stored(core);
    expect(row).toMatchObject({ enrolled_student: null, rural_breach: null, rural_county: null, discipline: null });
    const supplied = suppliedOf(row!.supplied_json);
    expect(supplied).toContain('qualificationCertNo');
    expect(supplied).not.toContain('enrolledStudent');
  });

  it('an unreadable 毕业专业类别 is flagged and kept as written; a bad yes/no is refused', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    const rows = roster(2, 53, ['自主培训']).map((r, i) => ({
      ...r,
      毕业专业类别: i === 0 ? '护理学' : '临床',
      是否定向违约: i === 0 ? '否' : '也许',
    }));
    const preview = await ok(core, session, 'applicants.previewImport', csvFile(rows));
    expect(preview.warnings).toContainEqual(
      expect.objectContaining({ row: 2, code: 'DISCIPLINE_UNKNOWN', field: '毕业专业类别' }),
    );
    expect(preview.rejected).toContainEqual(expect.objectContaining({ row: 3, code: 'VALUE_FORMAT', field: '是否定向违约' }));
  });

  it('a certificate column that arrives in a later file makes an empty certificate known, and the rule then decides', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    const rows = roster(1, 54, ['自主培训']).map((r) => ({ ...r, 毕业时间: '2021-07', 第一志愿: '内科', 医师资格证书编号: '' }));
    const first = rows.map(({ 医师资格证书编号: _none, ...rest }) => rest);
    await ok(core, session, 'applicants.commitImport', csvFile(first as never, 'first.csv'));
    const [a] = (await ok(core, session, 'applicants.list', {})).applicants;
    const rule = async () =>
      (await ok(core, session, 'applicants.get', { id: a!.id })).eligibility.find(
        (e) => e.ruleId === 'pre-2023-graduates-shortage-only',
      )!.outcome;
    expect(await rule()).toBe('warning');
    const second = await ok(core, session, 'applicants.previewImport', csvFile(rows, 'second.csv'));
    expect(second.changes[0]!.changes).toEqual([{ field: '医师资格证书编号', before: '（未提供）', after: '（空）' }]);
    await ok(core, session, 'applicants.commitImport', csvFile(rows, 'second.csv'));
    expect(await rule()).toBe('fail');
    // The same file again is no change.
    expect((await ok(core, session, 'applicants.previewImport', csvFile(rows, 'second.csv'))).unchanged).toBe(1);
  });

  it('a 是否农村订单定向 column that arrives later replaces the import’s default “否” with a known answer', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const rows = roster(1, 55).map((r) => ({ ...r, 是否农村订单定向: '否', 第一志愿: '内科' }));
    const first = rows.map(({ 是否农村订单定向: _none, ...rest }) => rest);
    await ok(core, session, 'applicants.commitImport', csvFile(first as never, 'first.csv'));
    const [a] = (await ok(core, session, 'applicants.list', {})).applicants;
    const rule = async () =>
      (await ok(core, session, 'applicants.get', { id: a!.id })).eligibility.find((e) => e.ruleId === 'rural-oriented-gp-only')!
        .outcome;
    expect(await rule()).toBe('warning');
    const second = await ok(core, session, 'applicants.previewImport', csvFile(rows, 'second.csv'));
    expect(second.changes[0]!.changes).toEqual([{ field: '是否农村订单定向', before: '（未提供）', after: '否' }]);
    await ok(core, session, 'applicants.commitImport', csvFile(rows, 'second.csv'));
    expect(await rule()).toBe('pass');
  });
});

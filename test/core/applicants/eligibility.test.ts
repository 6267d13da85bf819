/**
 * The presets' eligibility rules, each against the seed's own wording (quoted in the test names), and the
 * evaluator's rule that a fact the roster never supplied is unknown (a warning to check by hand), never a fail.
 */
import { describe, expect, it } from 'vitest';
import { APPLICANT_FIELD_KEYS } from '../../../src/shared/contract/applicants';
import { evaluateEligibility, presetRules, type Subject } from '../../../src/core/applicants/eligibility';
import { suppliedFields } from '../../../src/core/applicants/validate-row';
import { allPresets, getPreset } from '../../../src/core/presets';
import { ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from './helpers';

/** A roster that has every column: empty values are known "none". */
const EVERY_COLUMN = suppliedFields(APPLICANT_FIELD_KEYS);

const base: Subject = {
  idType: '居民身份证',
  idNumber: '11010519491231002X',
  name: '测试',
  sex: '女',
  ethnicity: null,
  birthDate: null,
  phone: null,
  email: null,
  highestEducation: '本科',
  highestDegree: '学士',
  school: '某医科大学',
  major: '临床医学',
  graduationDate: '2024-07',
  fullTime: true,
  category: '社会人',
  employer: null,
  ruralOriented: false,
  qualificationCertNo: null,
  practisingCertNo: null,
  choices: ['0100'],
  acceptsAdjustment: false,
  reductionYears: 0,
  enrolledStudent: false,
  ruralBreach: false,
  ruralCounty: null,
  discipline: null,
  supplied: EVERY_COLUMN,
  choiceNames: ['内科'],
};

function ruleIds(presetId: string): string[] {
  return presetRules(getPreset(presetId)).map((r) => r.id);
}

function outcome(presetId: string, ruleId: string, s: Partial<Subject>) {
  const r = evaluateEligibility(presetRules(getPreset(presetId)), { ...base, ...s }).find((x) => x.ruleId === ruleId);
  if (!r) throw new Error(`no rule ${ruleId} in ${presetId}`);
  return r;
}

const without = (...keys: string[]) => EVERY_COLUMN.filter((k) => !keys.includes(k));

describe('eligibility: every rule cites its sentence', () => {
  it('every preset’s rules parse and every source quotes the sentence it comes from', () => {
    for (const p of allPresets()) {
      for (const r of presetRules(p)) expect(r.source, `${p.id} ${r.id}`).toMatch(/“[^”]{6,}”/);
    }
  });

  it('Beijing ships no rule its notice does not state (rural-oriented, graduated 学术学位 holders)', () => {
    expect(ruleIds('beijing-2023')).not.toContain('rural-oriented-gp-only');
    expect(ruleIds('beijing-2023')).not.toContain('academic-degree');
  });
});

describe('eligibility: a missing column is unknown, never fail', () => {
  const old = { category: '自主培训', graduationDate: '2021-07', qualificationCertNo: null, choiceNames: ['内科'] };

  it('no 医师资格证书 column: the Beijing shortage rule asks for a check instead of failing everyone', () => {
    const r = outcome('beijing-2023', 'pre-2023-graduates-shortage-only', { ...old, supplied: without('qualificationCertNo') });
    expect(r.outcome).toBe('warning');
    expect(r.message).toContain('无法自动判断');
  });

  it('the column present but empty is a known “no certificate”, and fails', () => {
    expect(outcome('beijing-2023', 'pre-2023-graduates-shortage-only', old).outcome).toBe('fail');
  });

  it('rows stored before supplied columns were kept: an empty value is unknown', () => {
    expect(outcome('beijing-2023', 'pre-2023-graduates-shortage-only', { ...old, supplied: null }).outcome).toBe('warning');
  });

  it('no 是否农村订单定向 column: the import’s “否” is not taken as known', () => {
    const r = outcome('jilin-2024', 'rural-oriented-gp-only', { supplied: without('ruralOriented') });
    expect(r.outcome).toBe('warning');
  });

  it('an imported roster without the certificate column: the desk shows a warning, not a fail', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    const rows = roster(1, 31, ['自主培训']).map((r) => {
      const { 医师资格证书编号: _dropped, ...rest } = { ...r, 毕业时间: '2021-07', 第一志愿: '内科' };
      return rest;
    });
    await ok(core, session, 'applicants.commitImport', csvFile(rows as never));
    const [a] = (await ok(core, session, 'applicants.list', {})).applicants;
    const d = await ok(core, session, 'applicants.get', { id: a!.id });
    expect(d.eligibility.find((e) => e.ruleId === 'pre-2023-graduates-shortage-only')).toMatchObject({ outcome: 'warning' });
  });
});

describe('eligibility: Jilin (seed 002)', () => {
  it('“免费医学生限报全科专业。”', () => {
    const fail = outcome('jilin-2024', 'rural-oriented-gp-only', { ruralOriented: true, choiceNames: ['内科'] });
    expect(fail.outcome).toBe('fail');
    expect(fail.message).toContain('依据');
    expect(outcome('jilin-2024', 'rural-oriented-gp-only', { ruralOriented: true, choiceNames: ['全科'] }).outcome).toBe('pass');
    expect(outcome('jilin-2024', 'rural-oriented-gp-only', { ruralOriented: false }).outcome).toBe('pass');
  });

  it('“省内住培不招收违约的免费定向医学生。”', () => {
    const oriented = { ruralOriented: true, choiceNames: ['全科'] };
    expect(outcome('jilin-2024', 'rural-oriented-breach', { ...oriented, ruralBreach: true }).outcome).toBe('fail');
    expect(outcome('jilin-2024', 'rural-oriented-breach', { ...oriented, ruralBreach: false }).outcome).toBe('pass');
    expect(
      outcome('jilin-2024', 'rural-oriented-breach', { ...oriented, ruralBreach: null, supplied: without('ruralBreach') })
        .outcome,
    ).toBe('warning');
    // 住培 only: 助理全科 is not 住培.
    expect(
      outcome('jilin-2024', 'rural-oriented-breach', { ruralOriented: true, ruralBreach: true, choiceNames: ['助理全科'] })
        .outcome,
    ).toBe('pass');
  });

  it('“准确记录并汇总相关信息。（姓名、身份证号、定向就业县（市、区））”: a warning until recorded', () => {
    expect(outcome('jilin-2024', 'rural-oriented-county', { ruralOriented: true, choiceNames: ['全科'] }).outcome).toBe(
      'warning',
    );
    expect(
      outcome('jilin-2024', 'rural-oriented-county', { ruralOriented: true, ruralCounty: '某县', choiceNames: ['全科'] }).outcome,
    ).toBe('pass');
  });

  it('“最高学历为成人本科（含成人专升本）的，须为单位人并取得医师执业证书”', () => {
    for (const highestEducation of ['成人本科', '本科（成人专升本）', '本科（函授）']) {
      expect(outcome('jilin-2024', 'adult-bachelor-unit', { highestEducation, category: '社会人' }).outcome).toBe('fail');
      expect(outcome('jilin-2024', 'adult-bachelor-unit', { highestEducation, category: '单位人' }).outcome).toBe('fail');
      expect(
        outcome('jilin-2024', 'adult-bachelor-unit', {
          highestEducation,
          category: '单位人',
          practisingCertNo: '110220000012345',
        }).outcome,
      ).toBe('pass');
    }
  });

  it('a full-time 专升本 graduate is not an adult bachelor (“成人本科（含成人专升本）” only)', () => {
    const r = outcome('jilin-2024', 'adult-bachelor-unit', {
      highestEducation: '本科（专升本）',
      fullTime: true,
      category: '社会人',
    });
    expect(r.outcome).toBe('pass');
    expect(r.message).toContain('不适用');
  });

  it('“科学学位研究生不在住培招收范围内。”', () => {
    const phd = { highestEducation: '硕士研究生' };
    expect(outcome('jilin-2024', 'academic-degree', { ...phd, highestDegree: '医学硕士（学术学位）' }).outcome).toBe('fail');
    expect(outcome('jilin-2024', 'academic-degree', { ...phd, highestDegree: '临床医学硕士（专业学位）' }).outcome).toBe('pass');
  });

  it('“临床医学专业三年全日制高职（专科）应届毕业生为主”: “为主” asks for a check, it does not exclude', () => {
    const agp = { choiceNames: ['助理全科'] };
    expect(outcome('jilin-2024', 'agp-3-year-clinical-college', { ...agp, highestEducation: '本科' }).outcome).toBe('warning');
    expect(outcome('jilin-2024', 'agp-3-year-clinical-college', { ...agp, highestEducation: '专科' }).outcome).toBe('pass');
    expect(outcome('jilin-2024', 'agp-3-year-clinical-college', { choiceNames: ['内科'] }).outcome).toBe('pass');
  });

  it('the Jilin preset has 助理全科, so a roster choosing it is not rejected', async () => {
    const { core, session } = await setupBase('jilin-2024');
    const rows = roster(2, 41).map((r) => ({ ...r, 第一志愿: '助理全科', 最高学历: '专科' }));
    const res = await ok(core, session, 'applicants.commitImport', csvFile(rows));
    expect(res.rejected).toEqual([]);
    expect(res.imported).toBe(2);
  });
});

describe('eligibility: Beijing (seed 003)', () => {
  it('“自主培训人员不包括全日制在校研究生。”', () => {
    const self = { category: '自主培训' };
    expect(outcome('beijing-2023', 'enrolled-student-not-self-funded', { ...self, enrolledStudent: true }).outcome).toBe('fail');
    expect(outcome('beijing-2023', 'enrolled-student-not-self-funded', { ...self, enrolledStudent: false }).outcome).toBe('pass');
    // A graduated 学术学位 holder is not an enrolled student: the sentence does not exclude them.
    expect(
      outcome('beijing-2023', 'enrolled-student-not-self-funded', {
        ...self,
        highestDegree: '医学硕士（学术学位）',
        enrolledStudent: false,
      }).outcome,
    ).toBe('pass');
    expect(
      outcome('beijing-2023', 'enrolled-student-not-self-funded', { category: '委托培训', enrolledStudent: true }).outcome,
    ).toBe('pass');
  });

  describe('“临床医学专业毕业生仅限填报全科、检验医学科、放射科和超声医学科，口腔专业毕业生仅限填报口腔全科，中医专业（含中西医结合）毕业生仅限填报中医全科”', () => {
    const cc = { category: '委托培训', employer: '朝阳区某社区卫生服务中心' };
    const rule = 'community-centre-specialties';

    it('临床 graduates: 全科 / 检验 / 放射 / 超声 only', () => {
      expect(outcome('beijing-2023', rule, { ...cc, discipline: '临床医学', choiceNames: ['全科', '超声医学科'] }).outcome).toBe(
        'pass',
      );
      expect(outcome('beijing-2023', rule, { ...cc, discipline: '临床医学', choiceNames: ['内科'] }).outcome).toBe('fail');
      expect(outcome('beijing-2023', rule, { ...cc, discipline: '临床医学', choiceNames: ['口腔全科'] }).outcome).toBe('fail');
    });

    it('口腔 graduates: 口腔全科 only, not 全科', () => {
      expect(outcome('beijing-2023', rule, { ...cc, discipline: '口腔医学', choiceNames: ['口腔全科'] }).outcome).toBe('pass');
      expect(outcome('beijing-2023', rule, { ...cc, discipline: '口腔医学', choiceNames: ['全科'] }).outcome).toBe('fail');
    });

    it('中医 (含中西医结合) graduates: 中医全科 only', () => {
      expect(outcome('beijing-2023', rule, { ...cc, discipline: '中西医结合', choiceNames: ['中医全科'] }).outcome).toBe('pass');
      expect(outcome('beijing-2023', rule, { ...cc, discipline: '中医学', choiceNames: ['放射科'] }).outcome).toBe('fail');
    });

    it('without a discipline column the major decides; with neither, a check by hand', () => {
      const noDiscipline = { ...cc, supplied: without('discipline'), discipline: null };
      expect(outcome('beijing-2023', rule, { ...noDiscipline, major: '口腔医学', choiceNames: ['全科'] }).outcome).toBe('fail');
      expect(outcome('beijing-2023', rule, { ...noDiscipline, major: '预防医学', choiceNames: ['全科'] }).outcome).toBe(
        'warning',
      );
      // A specialty on no list fails whatever the discipline.
      expect(outcome('beijing-2023', rule, { ...noDiscipline, major: '预防医学', choiceNames: ['内科'] }).outcome).toBe('fail');
    });

    it('other employers are not limited', () => {
      expect(outcome('beijing-2023', rule, { category: '委托培训', employer: '某三甲医院', choiceNames: ['内科'] }).outcome).toBe(
        'pass',
      );
    });
  });

  it('“其中 2022 年 12 月 31 日以前毕业的毕业生未取得《医师资格证书》的仅限报名……急需紧缺专业”', () => {
    const old = { category: '自主培训', graduationDate: '2022-12', qualificationCertNo: null };
    const rule = 'pre-2023-graduates-shortage-only';
    expect(outcome('beijing-2023', rule, { ...old, choiceNames: ['内科'] }).outcome).toBe('fail');
    expect(outcome('beijing-2023', rule, { ...old, choiceNames: ['儿科', '麻醉科'] }).outcome).toBe('pass');
    expect(
      outcome('beijing-2023', rule, { ...old, qualificationCertNo: '2021' + '1'.repeat(23), choiceNames: ['内科'] }).outcome,
    ).toBe('pass');
    expect(outcome('beijing-2023', rule, { ...old, graduationDate: '2023-07', choiceNames: ['内科'] }).outcome).toBe('pass');
  });

  it('“中医专业只招录 2023 年毕业的毕业生。”', () => {
    const self = { category: '自主培训', choiceNames: ['中医全科'] };
    expect(outcome('beijing-2023', 'tcm-2023-graduates-only', { ...self, graduationDate: '2022-07' }).outcome).toBe('fail');
    expect(outcome('beijing-2023', 'tcm-2023-graduates-only', { ...self, graduationDate: '2023-07' }).outcome).toBe('pass');
  });
});

describe('eligibility: Chongqing (seed 001)', () => {
  it('“临床医学类专业三年全日制高职（专科）毕业”', () => {
    const agp = { choiceNames: ['助理全科'] };
    const rule = 'agp-3-year-clinical-college';
    expect(outcome('chongqing-2022-agp', rule, { ...agp, highestEducation: '本科' }).outcome).toBe('fail');
    expect(outcome('chongqing-2022-agp', rule, { ...agp, highestEducation: '专科', major: '护理' }).outcome).toBe('fail');
    expect(outcome('chongqing-2022-agp', rule, { ...agp, highestEducation: '专科', fullTime: false }).outcome).toBe('fail');
    expect(outcome('chongqing-2022-agp', rule, { ...agp, highestEducation: '专科' }).outcome).toBe('pass');
    expect(outcome('chongqing-2022-agp', rule, { ...agp, highestEducation: '专科', fullTime: null }).outcome).toBe('warning');
  });
});

describe('eligibility on the applicant detail', () => {
  it('applicant detail carries the evaluated rules', async () => {
    const { core, session } = await setupBase();
    const rows = roster(1, 77).map((r) => ({ ...r, 是否农村订单定向: '是', 第一志愿: '内科' }));
    await ok(core, session, 'applicants.commitImport', csvFile(rows));
    const [a] = (await ok(core, session, 'applicants.list', {})).applicants;
    const d = await ok(core, session, 'applicants.get', { id: a!.id });
    expect(d.eligibility.find((e) => e.ruleId === 'rural-oriented-gp-only')).toMatchObject({ outcome: 'fail' });
    expect(d.checklist.find((i) => i.key === 'oriented_agreement')).toMatchObject({ required: true });
  });
});

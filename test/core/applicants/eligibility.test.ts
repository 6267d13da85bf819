import { describe, expect, it } from 'vitest';
import { evaluateEligibility, presetRules, type Subject } from '../../../src/core/applicants/eligibility';
import { getPreset, PRESETS } from '../../../src/core/presets';
import { ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from './helpers';

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
  choiceNames: ['内科'],
};

function outcome(presetId: string, ruleId: string, s: Partial<Subject>) {
  const r = evaluateEligibility(presetRules(getPreset(presetId)), { ...base, ...s }).find((x) => x.ruleId === ruleId);
  if (!r) throw new Error(`no rule ${ruleId} in ${presetId}`);
  return r;
}

describe('eligibility rules (preset data)', () => {
  it('every preset’s rules parse and every rule names its source', () => {
    for (const p of PRESETS) for (const r of presetRules(p)) expect(r.source.length).toBeGreaterThan(4);
  });

  it('rural order-oriented students only for 全科 (Jilin, Beijing)', () => {
    for (const preset of ['jilin-2024', 'beijing-2023']) {
      const fail = outcome(preset, 'rural-oriented-gp-only', { ruralOriented: true, choiceNames: ['内科'] });
      expect(fail.outcome).toBe('fail');
      expect(fail.message).toContain('依据');
      expect(outcome(preset, 'rural-oriented-gp-only', { ruralOriented: true, choiceNames: ['全科'] }).outcome).toBe('pass');
      expect(outcome(preset, 'rural-oriented-gp-only', { ruralOriented: false }).outcome).toBe('pass');
    }
  });

  it('adult-education bachelor must be 单位人 with a practising certificate (Jilin)', () => {
    const adult = { highestEducation: '成人本科' };
    expect(outcome('jilin-2024', 'adult-bachelor-unit', { ...adult, category: '社会人' }).outcome).toBe('fail');
    expect(outcome('jilin-2024', 'adult-bachelor-unit', { ...adult, category: '单位人' }).outcome).toBe('fail');
    expect(
      outcome('jilin-2024', 'adult-bachelor-unit', { ...adult, category: '单位人', practisingCertNo: '110220000012345' }).outcome,
    ).toBe('pass');
  });

  it('academic-degree graduate students are not eligible (Jilin, Beijing)', () => {
    for (const preset of ['jilin-2024', 'beijing-2023']) {
      expect(
        outcome(preset, 'academic-degree', { highestEducation: '硕士研究生', highestDegree: '医学硕士（学术学位）' }).outcome,
      ).toBe('fail');
      expect(
        outcome(preset, 'academic-degree', { highestEducation: '硕士研究生', highestDegree: '临床医学硕士（专业学位）' }).outcome,
      ).toBe('pass');
    }
  });

  it('community-health-centre employees limited to 全科/检验/放射/超声 (Beijing)', () => {
    const cc = { category: '委托培训', employer: '朝阳区某社区卫生服务中心' };
    expect(outcome('beijing-2023', 'community-centre-specialties', { ...cc, choiceNames: ['内科'] }).outcome).toBe('fail');
    expect(outcome('beijing-2023', 'community-centre-specialties', { ...cc, choiceNames: ['全科', '超声医学科'] }).outcome).toBe(
      'pass',
    );
    expect(
      outcome('beijing-2023', 'community-centre-specialties', {
        category: '委托培训',
        employer: '某三甲医院',
        choiceNames: ['内科'],
      }).outcome,
    ).toBe('pass');
  });

  it('graduates before 2022-12-31 without a qualification only for shortage specialties (Beijing)', () => {
    const old = { category: '自主培训', graduationDate: '2021-07', qualificationCertNo: null };
    expect(outcome('beijing-2023', 'pre-2023-graduates-shortage-only', { ...old, choiceNames: ['内科'] }).outcome).toBe('fail');
    expect(outcome('beijing-2023', 'pre-2023-graduates-shortage-only', { ...old, choiceNames: ['儿科', '麻醉科'] }).outcome).toBe(
      'pass',
    );
    expect(
      outcome('beijing-2023', 'pre-2023-graduates-shortage-only', {
        ...old,
        qualificationCertNo: '2021' + '1'.repeat(23),
        choiceNames: ['内科'],
      }).outcome,
    ).toBe('pass');
    expect(
      outcome('beijing-2023', 'pre-2023-graduates-shortage-only', { ...old, graduationDate: '2023-07', choiceNames: ['内科'] })
        .outcome,
    ).toBe('pass');
  });

  it('assistant GP requires a 3-year full-time clinical 专科 (Chongqing, Jilin)', () => {
    const agp = { choiceNames: ['助理全科'] };
    expect(outcome('chongqing-2022-agp', 'agp-3-year-clinical-college', { ...agp, highestEducation: '本科' }).outcome).toBe(
      'fail',
    );
    expect(
      outcome('chongqing-2022-agp', 'agp-3-year-clinical-college', { ...agp, highestEducation: '专科', major: '护理' }).outcome,
    ).toBe('fail');
    expect(
      outcome('chongqing-2022-agp', 'agp-3-year-clinical-college', { ...agp, highestEducation: '专科', fullTime: false }).outcome,
    ).toBe('fail');
    expect(outcome('chongqing-2022-agp', 'agp-3-year-clinical-college', { ...agp, highestEducation: '专科' }).outcome).toBe(
      'pass',
    );
    // Unknown (empty) facts ask for a manual check instead of failing.
    expect(
      outcome('chongqing-2022-agp', 'agp-3-year-clinical-college', { ...agp, highestEducation: '专科', fullTime: null }).outcome,
    ).toBe('warning');
    expect(outcome('jilin-2024', 'agp-3-year-clinical-college', { ...agp, highestEducation: '本科' }).outcome).toBe('fail');
    expect(outcome('jilin-2024', 'agp-3-year-clinical-college', { choiceNames: ['内科'] }).outcome).toBe('pass');
  });

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

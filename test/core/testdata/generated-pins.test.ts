import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRng, makeApplicant, makeApplicants, makeIdNumber } from '../../../src/core/testdata';
import { makeTrainee, makeTrainees } from '../../../src/core/testdata/trainees';

// Benchmarks and tests build their data from fixed seeds: the same seed must keep giving byte-identical records,
// whatever shape the generators' code takes. The digests below were taken from the generators as they were.
// The digests cover key order too; the full records show what a change broke.

/** A made-up ID number, from the generator itself (never a real person's). */
const GIVEN_ID = makeIdNumber(createRng(99), { sex: '男', birthYear: [1990, 1990] });
const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('generated applicants stay the same for a seed', () => {
  it('default options', () => {
    expect(digest(makeApplicants(createRng(1), 200))).toMatchInlineSnapshot(
      `"a19ce768479a0d8ec3052d43ae986b8d662cd4eb4a72e339785d00f8be999ed4"`,
    );
  });

  it('one choice, other specialties and categories, a birth-year range', () => {
    const opts = {
      choices: 1,
      specialties: ['全科医学科', '内科', '外科'],
      categories: ['社会人'],
      birthYear: [1985, 1986],
    } as const;
    expect(digest(makeApplicants(createRng(7), 150, opts))).toMatchInlineSnapshot(
      `"6649ce70bf79922b31caa6e1cf2bc846ad20234b2e160850fc604a310ba65374"`,
    );
  });

  it('overrides: a given sex or ID number decides the sex', () => {
    const rng = createRng(42);
    const records = [
      makeApplicant(rng, { 性别: '女' }),
      makeApplicant(rng, { 证件号码: GIVEN_ID }),
      makeApplicant(rng, { 姓名: '测试甲', 第一志愿: '儿科', 是否服从调剂: undefined }),
      makeApplicant(rng, undefined, { choices: 2 }),
    ];
    expect(digest(records)).toMatchInlineSnapshot(`"16d8db0b2feeeee7fd9185daba1db823fc21a98eda8eeae7da50e44a0c1e5ca9"`);
  });

  it('one record in full', () => {
    expect(makeApplicant(createRng(3))).toMatchInlineSnapshot(`
      {
        "人员类型": "在校专硕",
        "出生日期": "1991-04-17",
        "医师执业证书编号": "",
        "医师资格证书编号": "",
        "姓名": "魏春婷",
        "工作单位": "",
        "性别": "女",
        "手机号码": "18753994711",
        "是否农村订单定向": "否",
        "是否服从调剂": "否",
        "最高学位": "学士",
        "最高学历": "本科",
        "毕业专业": "临床医学",
        "毕业时间": "2014-06",
        "毕业院校": "北华大学",
        "民族": "汉族",
        "电子邮箱": "wct214@example.com",
        "第一志愿": "全科",
        "第三志愿": "",
        "第二志愿": "放射科",
        "证件号码": "430104199104171907",
        "证件类型": "居民身份证",
      }
    `);
  });
});

describe('generated trainees stay the same for a seed', () => {
  it('default options', () => {
    expect(digest(makeTrainees(1, 200))).toMatchInlineSnapshot(
      `"aa8b53a8b4db7216c52446b0e83e7d8d98d0cbe215807071b5ae553246fb8ac2"`,
    );
  });

  it('助理全科 share, other cohorts and person types', () => {
    const opts = {
      agpShare: 0.3,
      cohorts: [2020, 2023],
      personTypes: ['单位人', '社会人', '在校专硕'],
      specialties: ['内科', '儿科'],
    } as const;
    expect(digest(makeTrainees(9, 150, opts))).toMatchInlineSnapshot(
      `"50e243cc7890e7a6850d03af1d90dea5844cdda5f25bef3610621f65a5adcc01"`,
    );
  });

  it('overrides', () => {
    const rng = createRng(5);
    const records = [makeTrainee(rng, { 性别: '男' }), makeTrainee(rng, { 证件号码: GIVEN_ID, 年级: '2024' })];
    expect(digest(records)).toMatchInlineSnapshot(`"0b8d77132c0b71a68278792c4be30d5ec4de055c570a8a9db35e3bf362714c11"`);
  });

  it('one record in full', () => {
    expect(makeTrainee(createRng(3))).toMatchInlineSnapshot(`
      {
        "人员类型": "社会人",
        "医师执业证书编号": "",
        "医师资格考试成绩": "未考",
        "医师资格证书编号": "",
        "协同单位": "",
        "培训专业": "儿科",
        "培训年限": "3",
        "培训开始日期": "2024-09-01",
        "培训过程考核": "",
        "培训项目": "住培",
        "姓名": "吴鑫洋",
        "工作单位": "",
        "年级": "2024",
        "性别": "男",
        "手机号码": "15169058139",
        "是否并轨研究生": "否",
        "证件号码": "500112199410154812",
        "证件类型": "居民身份证",
        "集中理论培训阶段考试": "未考",
      }
    `);
  });
});

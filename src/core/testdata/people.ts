import { idCheckChar } from '../identity/id-number';
import type { Rng } from './rng';

/** Real county-level region codes (one or two per province we serve); the generated people are not real. */
export const REGION_CODES = [
  '110105', // 北京市朝阳区
  '110108', // 北京市海淀区
  '220102', // 长春市南关区
  '220202', // 吉林市昌邑区
  '500103', // 重庆市渝中区
  '500112', // 重庆市渝北区
  '350102', // 福州市鼓楼区
  '350203', // 厦门市思明区
  '310104', // 上海市徐汇区
  '320106', // 南京市鼓楼区
  '330106', // 杭州市西湖区
  '370102', // 济南市历下区
  '410105', // 郑州市金水区
  '420106', // 武汉市武昌区
  '430104', // 长沙市岳麓区
  '440106', // 广州市天河区
  '510107', // 成都市武侯区
  '610113', // 西安市雁塔区
  '210102', // 沈阳市和平区
  '230103', // 哈尔滨市南岗区
] as const;

export type Sex = '男' | '女';

export type IdOptions = {
  /** Inclusive range of birth years; default 1990-2001 (training age). */
  birthYear?: readonly [number, number];
  sex?: Sex;
  region?: string;
};

/** An 18-digit resident ID with a real region code, a real birth date and a correct check character. */
export function makeIdNumber(rng: Rng, opts?: IdOptions): string {
  const [minYear, maxYear] = opts?.birthYear ?? [1990, 2001];
  const y = rng.int(minYear, maxYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, daysInMonth(y, m));
  const sex = opts?.sex ?? (rng.chance(0.5) ? '男' : '女');
  const seq = String(rng.int(0, 99)).padStart(2, '0');
  // 17th digit: odd for men, even for women.
  const sexDigit = 2 * rng.int(0, 4) + (sex === '男' ? 1 : 0);
  const first17 =
    (opts?.region ?? rng.pick(REGION_CODES)) +
    String(y) +
    String(m).padStart(2, '0') +
    String(d).padStart(2, '0') +
    seq +
    String(sexDigit);
  return first17 + idCheckChar(first17);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Common surnames (all in GBK, so generated files can be written as GB18030). */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方'];
const GIVEN_MALE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋峰亮成志'];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞秀玲桂英梅琳雪婷倩颖慧晶洁琪璐瑶欣怡佳妍璇蕾薇悦'];
const GIVEN_NEUTRAL = [...'文晓子思嘉一雨晨新家海天云安君佳嘉明春秋清心宏博'];

/** A plausible Chinese name: common surname (rarely a compound one) plus one or two given-name characters. */
export function makeName(rng: Rng, sex?: Sex): string {
  const surname = rng.chance(0.02) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(SURNAMES);
  const pool = sex === '男' ? GIVEN_MALE : sex === '女' ? GIVEN_FEMALE : [...GIVEN_MALE, ...GIVEN_FEMALE];
  const first = rng.chance(0.4) ? rng.pick(GIVEN_NEUTRAL) : rng.pick(pool);
  return rng.chance(0.25) ? surname + first : surname + first + rng.pick(pool);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** An 11-digit mainland mobile number. */
export function makePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

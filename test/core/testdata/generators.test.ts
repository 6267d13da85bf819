import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  APPLICANT_FIELDS,
  createRng,
  makeApplicant,
  makeApplicants,
  makeIdNumber,
  makeName,
  makePhone,
  REGION_CODES,
} from '../../../src/core/testdata';
import { idBirthDate, idSex, parseYearMonth, validateIdNumber, validatePhone } from '../../../src/core/identity';

describe('createRng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng(123);
    const b = createRng(123);
    const c = createRng(124);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.nat(100), (seed, min, span) => {
        const rng = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const x = rng.next();
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
          const n = rng.int(min, min + span);
          expect(n).toBeGreaterThanOrEqual(min);
          expect(n).toBeLessThanOrEqual(min + span);
          expect(Number.isInteger(n)).toBe(true);
        }
      }),
      { seed: 1, numRuns: 100 },
    );
  });

  it('pick refuses an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow();
  });
});

describe('makeIdNumber / makeName / makePhone', () => {
  it('IDs honour sex, birth-year range and use a listed region', () => {
    const rng = createRng(2024);
    for (let i = 0; i < 200; i++) {
      const id = makeIdNumber(rng, { sex: '女', birthYear: [1996, 1998] });
      expect(validateIdNumber(id).ok).toBe(true);
      expect(idSex(id)).toBe('女');
      expect(Number(idBirthDate(id)!.slice(0, 4))).toBeGreaterThanOrEqual(1996);
      expect(Number(idBirthDate(id)!.slice(0, 4))).toBeLessThanOrEqual(1998);
      expect(REGION_CODES).toContain(id.slice(0, 6));
    }
    expect(makeIdNumber(createRng(1), { region: '220102' }).slice(0, 6)).toBe('220102');
  });

  it('names are 2-4 Chinese characters', () => {
    const rng = createRng(7);
    for (let i = 0; i < 300; i++) expect(makeName(rng)).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
  });

  it('phones are valid mainland mobiles', () => {
    const rng = createRng(8);
    for (let i = 0; i < 100; i++) expect(validatePhone(makePhone(rng)).ok).toBe(true);
  });
});

describe('makeApplicant', () => {
  const specialties = ['内科', '外科', '全科', '儿科'];
  const categories = ['单位人', '社会人'];

  it('has every platform field, in order, all strings', () => {
    const a = makeApplicant(createRng(1), undefined, { specialties, categories });
    expect(Object.keys(a)).toEqual([...APPLICANT_FIELDS]);
    for (const v of Object.values(a)) expect(typeof v).toBe('string');
  });

  it('is internally consistent and uses only the passed-in lists', () => {
    const rng = createRng(99);
    for (let i = 0; i < 300; i++) {
      const a = makeApplicant(rng, undefined, { specialties, categories });
      expect(validateIdNumber(a.证件号码).ok).toBe(true);
      expect(a.证件类型).toBe('居民身份证');
      expect(idSex(a.证件号码)).toBe(a.性别);
      expect(idBirthDate(a.证件号码)).toBe(a.出生日期);
      expect(validatePhone(a.手机号码)).toEqual({ ok: true, value: a.手机号码 });
      expect(a.电子邮箱).toMatch(/^[a-z0-9]+@example\.com$/);
      expect(parseYearMonth(a.毕业时间).ok).toBe(true);
      expect(categories).toContain(a.人员类型);
      expect(a.工作单位 === '').toBe(a.人员类型 === '社会人');
      const choices = [a.第一志愿, a.第二志愿, a.第三志愿].filter((c) => c !== '');
      expect(choices.length).toBeGreaterThanOrEqual(1);
      for (const c of choices) expect(specialties).toContain(c);
      expect(new Set(choices).size).toBe(choices.length);
      // Rural order-oriented students may only apply for 全科.
      if (a.是否农村订单定向 === '是') expect(choices).toEqual(['全科']);
      expect(['是', '否']).toContain(a.是否服从调剂);
      if (a.医师资格证书编号) expect(a.医师资格证书编号).toMatch(new RegExp(`^\\d{9}${a.证件号码}$`));
      if (a.医师执业证书编号) expect(a.医师执业证书编号).toMatch(/^\d{15}$/);
      if (a.医师执业证书编号) expect(a.医师资格证书编号).not.toBe('');
    }
  });

  it('limits the number of choices', () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const a = makeApplicant(rng, undefined, { specialties, categories, choices: 1 });
      expect(a.第二志愿).toBe('');
      expect(a.第三志愿).toBe('');
    }
  });

  it('overrides win; an overridden ID decides the sex', () => {
    const a = makeApplicant(createRng(4), { 姓名: '测试', 证件号码: '11010519491231002X' });
    expect(a.姓名).toBe('测试');
    expect(a.证件号码).toBe('11010519491231002X');
    expect(a.性别).toBe('女');
    expect(a.出生日期).toBe('1949-12-31');
  });

  it('is reproducible from the seed; makeApplicants gives distinct IDs', () => {
    expect(makeApplicants(createRng(5), 10)).toEqual(makeApplicants(createRng(5), 10));
    const many = makeApplicants(createRng(6), 500);
    expect(new Set(many.map((a) => a.证件号码)).size).toBe(500);
  });
});

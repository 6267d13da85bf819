import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Cell } from '../../../src/core/tabular';
import {
  DOC_TYPES,
  idBirthDate,
  idCheckChar,
  idSex,
  normalizeDocType,
  validateIdCell,
  validateIdNumber,
  type DocType,
} from '../../../src/core/identity';
import { createRng, makeIdNumber } from '../../../src/core/testdata';

const TODAY = '2025-06-01';
const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code);

describe('validateIdNumber: 居民身份证 (GB 11643)', () => {
  it('accepts the published valid examples', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(validateIdNumber('440524188001010014')).toEqual({ ok: true, value: '440524188001010014' });
  });

  it('rejects the published invalid example with ID_CHECKSUM', () => {
    const r = validateIdNumber('360426199101010072');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('ID_CHECKSUM');
      expect(r.message).toContain('360426199101010072');
      expect(r.message).toContain('校验位');
    }
  });

  it('computes the check character with the GB 11643 weights', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it.each([
    ['lowercase x', '11010519491231002x'],
    ['surrounding spaces', '  11010519491231002X \t'],
    ['inner spaces', '110105 19491231 002X'],
    ['full-width digits and letter', '１１０１０５１９４９１２３１００２Ｘ'],
    ['full-width lowercase x', '１１０１０５１９４９１２３１００２ｘ'],
    ['ideographic space', '\u3000110105194912310 02X'],
    ['zero-width space from copy-paste', '110105\u200B19491231002X'],
    ['Excel text prefix apostrophe', "'11010519491231002X"],
    ['CSV ="..." text trick', '="11010519491231002X"'],
  ])('normalises input noise silently: %s', (_label, raw) => {
    expect(validateIdNumber(raw)).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('never rejects for the region code (unknown or abolished codes stay valid)', () => {
    const first17 = '99999919900101001'.replace(/^9/, '0'); // region 099999 does not exist
    expect(validateIdNumber(first17 + idCheckChar(first17)).ok).toBe(true);
    const abolished = '51020019900101001'; // 510200 (old 重庆 code under 四川)
    expect(validateIdNumber(abolished + idCheckChar(abolished)).ok).toBe(true);
  });

  it('rejects 15-digit legacy IDs with ID_LEGACY_15', () => {
    const r = validateIdNumber('110105491231002');
    expect(codeOf(r)).toBe('ID_LEGACY_15');
    if (!r.ok) expect(r.message).toContain('18 位');
  });

  it.each([
    ['too short', '1101051949123100'],
    ['too long', '11010519491231002X1'],
    ['letter inside', '1101051949A231002X'],
    ['X not last', '1101051949123100X2'],
    ['empty', '   '],
    ['punctuation', '110105-19491231-002X'],
  ])('rejects wrong shapes with ID_FORMAT: %s', (_l, raw) => {
    expect(codeOf(validateIdNumber(raw))).toBe('ID_FORMAT');
  });

  it('says how long the number was', () => {
    const r = validateIdNumber('1101051949123100');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('实际 16 位');
  });

  it('rejects a birth date that does not exist (ID_BIRTHDATE)', () => {
    for (const date of ['19910230', '19911301', '19900001', '20230229', '19910100']) {
      const first17 = `110105${date}001`;
      const r = validateIdNumber(first17 + idCheckChar(first17), '居民身份证', { today: TODAY });
      expect(codeOf(r), date).toBe('ID_BIRTHDATE');
    }
    const leap = '11010520000229001';
    expect(validateIdNumber(leap + idCheckChar(leap)).ok).toBe(true);
  });

  it('rejects a birth date in the future (ID_BIRTHDATE)', () => {
    const first17 = '11010520250602001';
    const id = first17 + idCheckChar(first17);
    expect(codeOf(validateIdNumber(id, '居民身份证', { today: TODAY }))).toBe('ID_BIRTHDATE');
    expect(validateIdNumber(id, '居民身份证', { today: '2025-06-02' }).ok).toBe(true);
  });

  it('checks consistency with a declared birth date, at its precision', () => {
    const id = '11010519491231002X';
    expect(validateIdNumber(id, '居民身份证', { birthDate: '1949-12-31' }).ok).toBe(true);
    expect(validateIdNumber(id, '居民身份证', { birthDate: '1949年12月31日' }).ok).toBe(true);
    expect(validateIdNumber(id, '居民身份证', { birthDate: '1949.12' }).ok).toBe(true);
    const r = validateIdNumber(id, '居民身份证', { birthDate: '1949-12-30' });
    expect(codeOf(r)).toBe('ID_BIRTHDATE');
    if (!r.ok) expect(r.message).toMatch(/1949-12-31.*1949-12-30/);
    expect(codeOf(validateIdNumber(id, '居民身份证', { birthDate: '1950.01' }))).toBe('ID_BIRTHDATE');
    // An unparsable declared date is that field's problem, not the ID's.
    expect(validateIdNumber(id, '居民身份证', { birthDate: '不详' }).ok).toBe(true);
    expect(validateIdNumber(id, '居民身份证', { birthDate: '' }).ok).toBe(true);
  });

  it.each(['1.10105E+17', '1.10105194912310E+17', '1.10105e17', '4.40524E+17'])(
    'detects Excel scientific notation as ID_EXCEL_NUMBER: %s',
    (raw) => {
      const r = validateIdNumber(raw);
      expect(codeOf(r)).toBe('ID_EXCEL_NUMBER');
      if (!r.ok) expect(r.message).toContain('文本');
    },
  );

  it('hints at Excel when a failing number ends in 000, without changing the code', () => {
    const r = validateIdNumber('110105194912310000');
    expect(codeOf(r)).toBe('ID_CHECKSUM');
    if (!r.ok) expect(r.message).toContain('Excel');
  });
});

describe('validateIdNumber: other documents', () => {
  const permit = (region: string) => {
    const first17 = `${region}19950601001`;
    return first17 + idCheckChar(first17);
  };

  it('港澳台居民居住证: 810000/820000/830000 + GB 11643 checksum', () => {
    for (const region of ['810000', '820000', '830000']) {
      expect(validateIdNumber(permit(region), '港澳台居民居住证').ok).toBe(true);
    }
    expect(codeOf(validateIdNumber(permit('110105'), '港澳台居民居住证'))).toBe('ID_FORMAT');
    const bad = permit('810000').slice(0, 17) + (permit('810000')[17] === '0' ? '1' : '0');
    expect(codeOf(validateIdNumber(bad, '港澳台居民居住证'))).toBe('ID_CHECKSUM');
  });

  it('外国人永久居留身份证: 2023 18-digit starting with 9 + checksum; 2017 3 letters + 12 digits', () => {
    const first17 = '93384019850315001';
    const id = first17 + idCheckChar(first17);
    expect(validateIdNumber(id, '外国人永久居留身份证')).toEqual({ ok: true, value: id });
    const wrong = first17 + (id[17] === '0' ? '1' : '0');
    expect(codeOf(validateIdNumber(wrong, '外国人永久居留身份证'))).toBe('ID_CHECKSUM');
    expect(codeOf(validateIdNumber('11010519491231002X', '外国人永久居留身份证'))).toBe('ID_FORMAT');
    expect(validateIdNumber('usa 110085031500', '外国人永久居留身份证')).toEqual({ ok: true, value: 'USA110085031500' });
  });

  it('港澳居民来往内地通行证: H/M + 8 digits (+ 2-digit renewal count)', () => {
    expect(validateIdNumber('H12345678', '港澳居民来往内地通行证')).toEqual({ ok: true, value: 'H12345678' });
    expect(validateIdNumber('m1234567801', '港澳居民来往内地通行证')).toEqual({ ok: true, value: 'M1234567801' });
    for (const bad of ['K12345678', 'H1234567', 'H123456789', '12345678']) {
      expect(codeOf(validateIdNumber(bad, '港澳居民来往内地通行证')), bad).toBe('ID_FORMAT');
    }
  });

  it('台湾居民来往大陆通行证: 8 digits (+ 2)', () => {
    expect(validateIdNumber('12345678', '台湾居民来往大陆通行证').ok).toBe(true);
    expect(validateIdNumber('1234567801', '台湾居民来往大陆通行证').ok).toBe(true);
    for (const bad of ['1234567', '123456789', 'T1234567']) {
      expect(codeOf(validateIdNumber(bad, '台湾居民来往大陆通行证')), bad).toBe('ID_FORMAT');
    }
  });

  it('外籍护照: 5-17 letters or digits, loosely', () => {
    expect(validateIdNumber('e1234 5678', '外籍护照')).toEqual({ ok: true, value: 'E12345678' });
    expect(validateIdNumber('AB123', '外籍护照').ok).toBe(true);
    for (const bad of ['AB12', 'A'.repeat(18), 'AB-12345']) {
      expect(codeOf(validateIdNumber(bad, '外籍护照')), bad).toBe('ID_FORMAT');
    }
  });

  it('Excel damage is reported for every document type', () => {
    for (const t of DOC_TYPES) expect(codeOf(validateIdNumber('1.10105E+17', t)), t).toBe('ID_EXCEL_NUMBER');
  });
});

describe('normalizeDocType', () => {
  it.each<[string, DocType]>([
    ['身份证', '居民身份证'],
    [' 居民身份证 ', '居民身份证'],
    ['二代身份证', '居民身份证'],
    ['护照', '外籍护照'],
    ['Passport', '外籍护照'],
    ['港澳通行证', '港澳居民来往内地通行证'],
    ['回乡证', '港澳居民来往内地通行证'],
    ['台胞证', '台湾居民来往大陆通行证'],
    ['居住证', '港澳台居民居住证'],
    ['永居证', '外国人永久居留身份证'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeDocType(raw)).toBe(expected);
  });

  it('keeps every canonical name and returns null for unknown names', () => {
    for (const t of DOC_TYPES) expect(normalizeDocType(t)).toBe(t);
    expect(normalizeDocType('驾驶证')).toBeNull();
    expect(normalizeDocType('')).toBeNull();
    expect(normalizeDocType(undefined)).toBeNull();
  });

  it('answers nothing for names every object has', () => {
    for (const raw of ['constructor', 'toString', '__proto__', 'hasOwnProperty', ' Constructor ']) {
      expect(normalizeDocType(raw)).toBeNull();
    }
  });
});

describe('validateIdCell', () => {
  const num = (n: number): Cell => ({ text: String(n), type: 'number', number: n });

  it('a numeric cell holding an 18-digit ID is ID_EXCEL_NUMBER (never repaired)', () => {
    const r = validateIdCell(num(110105194912310000));
    expect(codeOf(r)).toBe('ID_EXCEL_NUMBER');
    expect(codeOf(validateIdCell(num(1.10105e17)))).toBe('ID_EXCEL_NUMBER');
    // Even when the number happens to print all 18 digits, a double cannot be trusted past 2^53.
    expect(codeOf(validateIdCell(num(Number('440524188001010014'))))).toBe('ID_EXCEL_NUMBER');
  });

  it('a numeric cell with 16-18 digits ending in 00 is ID_EXCEL_NUMBER', () => {
    expect(codeOf(validateIdCell({ text: '1101051949123100', type: 'number', number: 1101051949123100 }))).toBe(
      'ID_EXCEL_NUMBER',
    );
  });

  it('a text cell is validated like a string', () => {
    expect(validateIdCell({ text: ' 11010519491231002x', type: 'string' })).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(codeOf(validateIdCell({ text: '1.10105E+17', type: 'string' }))).toBe('ID_EXCEL_NUMBER');
  });

  it('small numbers are fine for documents that are short digit strings', () => {
    expect(validateIdCell(num(12345678), '台湾居民来往大陆通行证')).toEqual({ ok: true, value: '12345678' });
    expect(codeOf(validateIdCell(num(110105491231002)))).toBe('ID_LEGACY_15');
  });

  it('empty, date and boolean cells are ID_FORMAT', () => {
    expect(codeOf(validateIdCell({ text: '', type: 'empty' }))).toBe('ID_FORMAT');
    expect(codeOf(validateIdCell({ text: '1990-01-01', type: 'date' }))).toBe('ID_FORMAT');
    expect(codeOf(validateIdCell({ text: 'TRUE', type: 'boolean' }))).toBe('ID_FORMAT');
    expect(codeOf(validateIdCell(num(12.5), '台湾居民来往大陆通行证'))).toBe('ID_FORMAT');
  });
});

describe('idBirthDate / idSex', () => {
  it('read the birth date and sex from an 18-digit ID', () => {
    expect(idBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idSex('11010519491231002X')).toBe('女'); // 17th digit 2
    expect(idBirthDate('440524188001010014')).toBe('1880-01-01');
    expect(idSex('440524188001010014')).toBe('男'); // 17th digit 1
    expect(idSex('11010519491231002x ')).toBe('女');
  });

  it('return null for anything else', () => {
    expect(idBirthDate('110105491231002')).toBeNull();
    expect(idBirthDate('11010519491331002X')).toBeNull();
    expect(idSex('H12345678')).toBeNull();
    expect(idBirthDate('933840198503150012')).toBeNull(); // permanent-residence layout differs
  });
});

describe('properties (fast-check)', () => {
  const arbId = fc
    .record({
      seed: fc.integer(),
      sex: fc.constantFrom('男' as const, '女' as const),
      from: fc.integer({ min: 1930, max: 2010 }),
      span: fc.integer({ min: 0, max: 12 }),
    })
    .map(({ seed, sex, from, span }) => ({
      id: makeIdNumber(createRng(seed), { sex, birthYear: [from, from + span] }),
      sex,
      from,
      span,
    }));

  it('every generated ID validates, with the requested sex and birth year', () => {
    fc.assert(
      fc.property(arbId, ({ id, sex, from, span }) => {
        expect(validateIdNumber(id, '居民身份证', { today: TODAY })).toEqual({ ok: true, value: id });
        expect(idSex(id)).toBe(sex);
        const year = Number(idBirthDate(id)!.slice(0, 4));
        expect(year).toBeGreaterThanOrEqual(from);
        expect(year).toBeLessThanOrEqual(from + span);
      }),
      { seed: 20240601, numRuns: 500 },
    );
  });

  it('changing any single character of a valid ID makes it fail', () => {
    fc.assert(
      fc.property(arbId, fc.nat(17), fc.nat(10), ({ id }, pos, k) => {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const others = [...alphabet].filter((c) => c !== id[pos]);
        const changed = id.slice(0, pos) + others[k % others.length] + id.slice(pos + 1);
        expect(validateIdNumber(changed, '居民身份证', { today: TODAY }).ok).toBe(false);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('swapping two different adjacent digits among the first 17 makes it fail', () => {
    fc.assert(
      fc.property(arbId, fc.nat(15), ({ id }, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(validateIdNumber(swapped, '居民身份证', { today: TODAY }).ok).toBe(false);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });

  it('input noise never changes the result', () => {
    const toFull = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(arbId, fc.nat(17), fc.boolean(), ({ id }, at, full) => {
        let noisy = `${id.slice(0, at)} ${id.slice(at)}`.toLowerCase();
        if (full) noisy = toFull(noisy.toUpperCase());
        expect(validateIdNumber(`  ${noisy}\u3000`, '居民身份证', { today: TODAY })).toEqual({ ok: true, value: id });
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});

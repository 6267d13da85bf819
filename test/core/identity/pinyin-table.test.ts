import { describe, expect, it } from 'vitest';
import { initialsFromPinyinPro, pinyinInitials } from '../../../src/core/identity/pinyin';
import { CONTEXT_WORDS, HEAD_SURNAMES } from '../../../src/core/identity/pinyin-initials-table';
import { createRng, makeName, SURNAMES } from '../../../src/core/testdata';

/** The names where the table's answer differs from pinyin-pro's (should be none). */
function mismatches(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (pinyinInitials(n) !== initialsFromPinyinPro(n)) out.push(`${n}: ${pinyinInitials(n)} vs ${initialsFromPinyinPro(n)}`);
  }
  return out;
}

function* cjk(): Generator<string> {
  for (let c = 0x4e00; c <= 0x9fff; c++) yield String.fromCharCode(c);
}

describe('pinyin initials from the generated table answer as pinyin-pro does', () => {
  it('over 30,000 generated names', () => {
    const rng = createRng(7);
    const names = Array.from({ length: 30_000 }, () => makeName(rng));
    expect(mismatches(names)).toEqual([]);
  });

  it('for every CJK character as a given name and as the head of a name', () => {
    const names: string[] = [];
    for (const ch of cjk()) names.push(`王${ch}华`, `${ch}小明`);
    expect(mismatches(names)).toEqual([]);
  });

  it('for every surname the table reads at the head, and the common ones, before common given names', () => {
    const names: string[] = [];
    for (const s of [...HEAD_SURNAMES.keys(), ...SURNAMES]) names.push(`${s}明`, `${s}晓燕`, `${s}长江`, `${s}重阳`);
    expect(mismatches(names)).toEqual([]);
  });

  it('for names holding a word that reads a character otherwise, and separators and Latin letters', () => {
    const words = [...CONTEXT_WORDS.values()].flat();
    expect(words.length).toBeGreaterThan(0);
    const names = [
      ...words.map((w) => `李${w}`),
      '曾经理',
      '买买提·艾力',
      '阿依古丽•买买提',
      '玛丽・安',
      '张　三',
      'Tom李',
      'A1王',
      '〇一',
    ];
    expect(mismatches(names)).toEqual([]);
  });
});

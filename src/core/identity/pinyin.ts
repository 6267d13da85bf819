import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { CJK_INITIALS, CONTEXT_WORDS, HEAD_SURNAMES } from './pinyin-initials-table';

let pinyin: typeof PinyinPro.pinyin | undefined;

/** pinyin-pro's dictionary takes longer to load than Node itself: load it only for a name the table can't answer. */
function loadPinyin(): typeof PinyinPro.pinyin {
  return (pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro).pinyin);
}

const FIRST_CJK = 0x4e00;
const LAST_CJK = 0x9fff;
/** Separators in names (middle dots of transliterated names, ideographic space) that give no letter. */
const SILENT = new Set([0x00b7, 0x2022, 0x30fb, 0x3000]);

/**
 * Lowercase initials for type-ahead search: 张三 -> 'zs'. Surnames use their surname reading (曾 zeng, 单
 * shan, 解 xie), so 曾小明 -> 'zxm' as people would type it. Letters and digits in the name are kept,
 * anything else (·, spaces) dropped. Answers as pinyin-pro does (a test compares them): from the generated
 * table when it can, from pinyin-pro for a name holding a word that reads a character otherwise (倔强) or a
 * character outside the table.
 */
export function pinyinInitials(name: string): string {
  if (name.trim() === '') return '';
  return initialsFromTable(name) ?? initialsFromPinyinPro(name);
}

/** pinyin-pro itself: the reference the table is generated from and checked against. */
export function initialsFromPinyinPro(name: string): string {
  if (name.trim() === '') return '';
  const parts = loadPinyin()(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' });
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The initials from the table, or null when only pinyin-pro can tell. */
function initialsFromTable(name: string): string | null {
  const head = headSurname(name);
  // A surname that also starts a word (曾经) reads as pinyin-pro weighs the two.
  if (head && [...head.surname].some((ch) => readOtherwiseHere(name, ch))) return null;
  let out = head?.initials ?? '';
  for (let i = head?.surname.length ?? 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x80) {
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) out += name[i];
      else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 0x20);
      continue;
    }
    if (SILENT.has(code)) continue;
    if (code < FIRST_CJK || code > LAST_CJK) return null;
    const letter = CJK_INITIALS[code - FIRST_CJK]!;
    if (letter === '*' || readOtherwiseHere(name, name[i]!)) return null;
    out += letter;
  }
  return out;
}

/** The surname at the head of the name (compound first) when it reads otherwise than the table says. */
function headSurname(name: string): { surname: string; initials: string } | null {
  for (const surname of [name.slice(0, 2), name.slice(0, 1)]) {
    const initials = HEAD_SURNAMES.get(surname);
    if (initials !== undefined) return { surname, initials };
  }
  return null;
}

function readOtherwiseHere(name: string, ch: string): boolean {
  const words = CONTEXT_WORDS.get(ch);
  return words !== undefined && words.some((w) => name.includes(w));
}

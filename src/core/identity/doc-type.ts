import { normalizeText } from '../tabular/normalize';

/** Document types as the provincial platforms list them. */
export const DOC_TYPES = [
  '居民身份证',
  '外籍护照',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '港澳台居民居住证',
  '外国人永久居留身份证',
] as const;

export type DocType = (typeof DOC_TYPES)[number];

const ALIASES: Record<string, DocType> = {};
function alias(type: DocType, names: string[]): void {
  for (const n of [type, ...names]) ALIASES[key(n)] = type;
}
alias('居民身份证', [
  '身份证',
  '二代身份证',
  '第二代居民身份证',
  '中华人民共和国居民身份证',
  '大陆居民身份证',
  '身份证号',
  '身份证号码',
  '公民身份号码',
]);
alias('外籍护照', ['护照', '外国护照', '外国人护照', 'passport']);
alias('港澳居民来往内地通行证', ['港澳通行证', '回乡证', '港澳居民通行证', '港澳居民往来内地通行证']);
alias('台湾居民来往大陆通行证', ['台胞证', '台湾通行证', '台湾居民通行证', '台湾居民往来大陆通行证']);
alias('港澳台居民居住证', ['居住证', '港澳台居住证', '港澳居民居住证', '台湾居民居住证']);
alias('外国人永久居留身份证', ['外国人永久居留证', '永久居留身份证', '永久居留证', '永居证', '外国人永居证']);

function key(s: string): string {
  return normalizeText(s).replace(/\s+/g, '').toLowerCase();
}

/** Accept the names people actually type ('身份证', '护照', '台胞证'...); null when unknown. */
export function normalizeDocType(raw: string | null | undefined): DocType | null {
  if (raw === null || raw === undefined) return null;
  // A name already in its compared form (what rosters write on every row) needs no normalising: key() of it
  // is itself. Own names only: 'constructor' typed into the column is not a document type.
  if (Object.hasOwn(ALIASES, raw)) return ALIASES[raw]!;
  const k = key(raw);
  return Object.hasOwn(ALIASES, k) ? ALIASES[k]! : null;
}

import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';

let pinyin: typeof PinyinPro.pinyin | undefined;

/** pinyin-pro's dictionary takes longer to load than Node itself: load it on the first name, not at start-up. */
function loadPinyin(): typeof PinyinPro.pinyin {
  return (pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro).pinyin);
}

/**
 * Lowercase initials for type-ahead search: 张三 -> 'zs'. Surnames use their surname reading (曾 zeng, 单
 * shan, 解 xie), so 曾小明 -> 'zxm' as people would type it. Letters and digits in the name are kept,
 * anything else (·, spaces) dropped.
 */
export function pinyinInitials(name: string): string {
  if (name.trim() === '') return '';
  const parts = loadPinyin()(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' });
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

import { describe, expect, it } from 'vitest';
import { normalizeHeader, normalizeText, toHalfWidth } from '../../../src/core/tabular';

describe('normalizeText', () => {
  it.each([
    ['  张三  ', '张三'],
    ['张\u3000三', '张 三'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['（备注）：无', '(备注):无'],
    ['a  \t b\n\nc', 'a b c'],
    ['\u3000\u3000', ''],
    ['中文，句号。', '中文,句号。'], // U+FF0C is full-width ASCII; 。 (U+3002) is not
    ['～', '~'],
    ['a\u00a0b', 'a b'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('leaves text without full-width forms untouched by toHalfWidth', () => {
    expect(toHalfWidth('张三 abc')).toBe('张三 abc');
    expect(toHalfWidth('！～')).toBe('!~');
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['证件号码', '证件号码'],
    [' 证件 号码 ', '证件号码'],
    ['证件号码*', '证件号码'],
    ['*证件号码', '证件号码'],
    ['* 证件号码：', '证件号码'],
    ['证件号码:', '证件号码'],
    ['手机号码＊', '手机号码'],
    ['ＩＤ', 'ID'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeHeader(raw)).toBe(expected);
  });
});

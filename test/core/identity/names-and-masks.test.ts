import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone, pinyinInitials } from '../../../src/core/identity';

describe('pinyinInitials', () => {
  it.each([
    ['张三', 'zs'],
    ['李小明', 'lxm'],
    ['欧阳娜娜', 'oynn'],
    ['曾小明', 'zxm'], // surname reading zeng, not ceng
    ['单雨', 'sy'], // shan, not dan
    ['买买提·艾力', 'mmtal'],
    ['Tom李', 'toml'],
    ['', ''],
  ])('%s -> %s', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });
});

describe('masks (re-exported from src/shared/mask)', () => {
  it('ID numbers: 18 chars keep first 6 and last 4, others first 2 and last 2', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('H1234567801')).toBe('H1*******01');
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('AB12')).toBe('****');
    expect(maskIdNumber('')).toBe('');
  });

  it('phones: 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('01012345678')).toBe('010****5678');
    expect(maskPhone('123')).toBe('*23');
    expect(maskPhone('')).toBe('');
  });

  it('masks a value typed with spaces or a tab as the same value without them', () => {
    expect(maskIdNumber('110105 19491231 002X')).toBe('110105********002X');
    expect(maskIdNumber(' H12345678\t01 ')).toBe('H1*******01');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
  });

  it('never reveals more than the kept characters', () => {
    const id = '11010519491231002X';
    expect(maskIdNumber(id).replace(/\*/g, '').length).toBe(10);
    expect(maskIdNumber(id)).toHaveLength(18);
  });
});

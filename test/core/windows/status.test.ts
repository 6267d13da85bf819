/** Where a window stands, in the banner's words, and when work needs a reason (pure rules). */
import { describe, expect, it } from 'vitest';
import { windowPresetFor } from '../../../src/core/windows/presets';
import { currentWindow, outsideWindow, windowStatus } from '../../../src/core/windows/rules';

const jilin = windowPresetFor('吉林省', 2024)!.windows;
const chongqing = windowPresetFor('重庆市', 2022)!.windows;
const beijing = windowPresetFor('北京市', 2023)!.windows;

describe('the desk banner text', () => {
  it('counts the days left including today while open', () => {
    expect(windowStatus(jilin[0]!, '2024-07-03T09:00').text).toBe('现场确认：7月1日—7月4日，还剩 2 天');
  });

  it('says 已截止 after the last day and 尚未开始 before the first', () => {
    expect(windowStatus(jilin[0]!, '2024-07-05T00:00').text).toBe('现场确认：7月1日—7月4日，已截止');
    expect(windowStatus(jilin[0]!, '2024-06-30T23:59').text).toBe('现场确认：7月1日—7月4日，尚未开始（7月1日开始）');
  });

  it('closes Chongqing at 18:00 of 4月29日, not at midnight', () => {
    const w = chongqing[0]!;
    expect(windowStatus(w, '2022-04-29T17:59')).toMatchObject({
      state: 'open',
      text: '资格初审：4月12日—4月29日 18:00，今天截止（18:00）',
    });
    expect(windowStatus(w, '2022-04-29T18:01').state).toBe('closed');
  });
});

describe('acting outside a window', () => {
  it('is inside the window: nothing to say', () => {
    expect(outsideWindow(jilin, 'desk-confirmation', '2024-07-04T23:00')).toBeNull();
  });

  it('after it: WINDOW_CLOSED, and Chongqing quotes 视为自动放弃 without applying it', () => {
    const o = outsideWindow(chongqing, 'desk-confirmation', '2022-04-29T18:30')!;
    expect(o.code).toBe('WINDOW_CLOSED');
    expect(o.message).toContain('2022年4月29日 18:00 截止');
    expect(o.message).toContain('视为自动放弃');
    expect(o.message).toContain('系统不自动处理');
  });

  it('before it: WINDOW_NOT_OPEN', () => {
    expect(outsideWindow(jilin, 'desk-confirmation', '2024-06-20T10:00')?.code).toBe('WINDOW_NOT_OPEN');
  });

  it("Beijing's admission batches: inside any batch is inside; between the last batch and 二次补报 it is closed", () => {
    expect(outsideWindow(beijing, 'admission-publication', '2023-08-20T10:00')).toBeNull();
    expect(currentWindow(beijing, 'admission-publication', '2023-08-20T10:00')?.label).toBe('首次报名第二志愿录取');
    expect(outsideWindow(beijing, 'admission-publication', '2023-08-26T10:00')?.code).toBe('WINDOW_CLOSED');
    expect(outsideWindow(beijing, 'second-choices', '2023-08-28T10:00')).toBeNull();
    expect(outsideWindow(beijing, 'second-choices', '2023-08-31T08:00')?.code).toBe('WINDOW_CLOSED');
  });

  it('work a year has no window for is never held up', () => {
    expect(outsideWindow(jilin, 'second-choices', '2030-01-01T00:00')).toBeNull();
  });
});

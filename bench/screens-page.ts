/**
 * What the screens benchmark does inside the page. The scripts are page source (the bench is compiled
 * without the DOM's types); each one times with performance marks from a click to the first animation frame
 * after the awaited element exists, so it covers the route's chunk, the data calls and React's render.
 */
import type { Page } from '@playwright/test';
import { ADMIN_PASSWORD } from './base';

export type Paint = { ms: number; rows: number; heightPx: number };
export type Scroll = { frames: number[]; steps: number; maxRows: number };

/** `target` is a page expression giving the element to click; the promise resolves at the frame after `selector`. */
function paintAfterClick(target: string, selector: string, rowSelector: string): string {
  return `new Promise((done, fail) => {
    const target = ${target};
    if (!target) return fail(new Error('nothing to click'));
    performance.clearMarks();
    performance.clearMeasures();
    performance.mark('screen-start');
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(selector)})) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        performance.mark('screen-painted');
        const m = performance.measure('screen', 'screen-start', 'screen-painted');
        done({
          ms: m.duration,
          rows: document.querySelectorAll(${JSON.stringify(rowSelector)}).length,
          heightPx: document.documentElement.scrollHeight,
        });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    target.click();
  })`;
}

const navLink = (label: string) =>
  `[...document.querySelectorAll('nav a')].find((a) => a.textContent.trim() === ${JSON.stringify(label)})`;
const button = (label: string) =>
  `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(label)})`;

/** Opens a screen from the navigation: the time to its first listed row painted. */
export async function openScreen(page: Page, nav: string, rowSelector: string): Promise<Paint> {
  return (await page.evaluate(paintAfterClick(navLink(nav), rowSelector, rowSelector))) as Paint;
}

/** Clicks a button on the current screen: the time to the first `rowSelector` painted (a dialog's list). */
export async function clickToRows(page: Page, label: string, rowSelector: string): Promise<Paint> {
  return (await page.evaluate(paintAfterClick(button(label), rowSelector, rowSelector))) as Paint;
}

/** Picks an option of the open dropdown: the time to the first `rowSelector` painted (the list it filters). */
export async function pickToRows(page: Page, option: string, rowSelector: string): Promise<Paint> {
  const target = `[...document.querySelectorAll('[role="option"]')].find((o) => o.textContent.trim() === ${JSON.stringify(option)})`;
  return (await page.evaluate(paintAfterClick(target, rowSelector, rowSelector))) as Paint;
}

/** From the 登录 click to the home page's heading painted, in a fresh context (no session yet). */
export async function loginPaint(page: Page, url: string): Promise<Paint> {
  await page.goto(url);
  await page.getByLabel(/^用户名/).fill('admin');
  await page.getByLabel(/^密码/).fill(ADMIN_PASSWORD);
  return (await page.evaluate(paintAfterClick(button('登录'), 'main h2', 'nav a'))) as Paint;
}

export async function login(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel(/^用户名/).fill('admin');
  await page.getByLabel(/^密码/).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

/**
 * Scrolls the list holding `rowSelector` (its nearest scrolling ancestor, else the page) from top to bottom
 * in steps of 280 px, at most 80 steps: each step's time to the second animation frame after it (the rows
 * re-rendered and painted), and the most rows the DOM held on the way.
 */
export async function scrollList(page: Page, rowSelector: string): Promise<Scroll> {
  return (await page.evaluate(`(async () => {
    const row = document.querySelector(${JSON.stringify(rowSelector)});
    let box = row && row.parentElement;
    while (box && !(box.scrollHeight > box.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(box).overflowY)))
      box = box.parentElement;
    box = box || document.scrollingElement;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const frames = [];
    let maxRows = 0;
    box.scrollTop = 0;
    await frame();
    while (frames.length < 80 && box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
      const t = performance.now();
      box.scrollTop += 280;
      await frame();
      frames.push(performance.now() - t);
      maxRows = Math.max(maxRows, document.querySelectorAll(${JSON.stringify(rowSelector)}).length);
    }
    return { frames, steps: frames.length, maxRows };
  })()`)) as Scroll;
}

/**
 * Checking a typed score as the interviewer types, before anything is sent. The core checks again
 * (src/core/scores/rules/parse-score.ts); this mirrors its rules so the message appears at the keystroke.
 */
export type ScoreCheck =
  | { ok: true; unable: true }
  | { ok: true; unable: false; hundredths: number }
  | { ok: false; problem: 'empty' | 'notNumber' | 'tooPrecise' | 'outOfRange' };

export const UNABLE_WORDS = ['无', '无法评价', 'u', 'U'];

export function checkScore(text: string, max: number): ScoreCheck {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/。/g, '.')
    .replace(/\s*分$/, '');
  if (t === '') return { ok: false, problem: 'empty' };
  if (UNABLE_WORDS.includes(t)) return { ok: true, unable: true };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || ((m[1] ?? '') === '' && (m[2] ?? '') === '')) return { ok: false, problem: 'notNumber' };
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 2) return { ok: false, problem: 'tooPrecise' };
  const h = Number(m[1] || '0') * 100 + Number(frac.padEnd(2, '0'));
  if (h > Math.round(max * 100)) return { ok: false, problem: 'outOfRange' };
  return { ok: true, unable: false, hundredths: h };
}

export function formatHundredths(h: number): string {
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

/** Files from the core arrive as base64: save them through a temporary link. */
export function downloadBase64(fileName: string, contentBase64: string, type = 'application/octet-stream'): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Printable HTML from the core opens in its own window, where the browser's print dialog is one key away. */
export function openPrintable(html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

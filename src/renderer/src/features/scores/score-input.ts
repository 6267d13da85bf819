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

/**
 * Exact rationals on BigInt. Scores are weighted and scaled (x 40 / 150 ...), which produces repeating
 * fractions; doing that in binary floating point makes 1.005 round to 1.00 and lets two candidates who are
 * truly equal compare unequal. Every intermediate value stays exact here and is rounded once, at the end.
 */
import { AppError } from '../../../shared/errors';

/** n / d with d > 0 and gcd(|n|, d) = 1. */
export type Rational = { readonly n: bigint; readonly d: bigint };

export const ZERO: Rational = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('rational: zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export function fromInt(x: number): Rational {
  return { n: BigInt(x), d: 1n };
}

export function add(a: Rational, b: Rational): Rational {
  return a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('rational: division by zero');
  return rational(a.n * b.d, a.d * b.n);
}

export function compare(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}

/** Round to the nearest integer, halves away from zero (for the non-negative scores we handle: half-up). */
export function roundHalfUp(r: Rational): bigint {
  if (r.n < 0n) return -roundHalfUp({ n: -r.n, d: r.d });
  return (2n * r.n + r.d) / (2n * r.d);
}

/** "80/3", or "87" when the value is an integer: for audit trails and JSON (BigInt does not serialise). */
export function toFractionString(r: Rational): string {
  return r.d === 1n ? r.n.toString() : `${r.n}/${r.d}`;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact decimal a number or numeric string denotes: 0.1 -> 1/10 (not the binary double nearest 0.1).
 * Used for configuration values such as a component's max or weight, which people type as decimals.
 */
export function fromDecimal(value: number | string): Rational {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (m === null || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) {
    throw new AppError('NUMBER_NOT_DECIMAL', `「${text}」不是有效的十进制数，请填写如 100 或 87.5 的数字。`, {
      value: text,
    });
  }
  const sign = m[1] === '-' ? -1n : 1n;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  let n = BigInt((intPart + frac).replace(/^0+(?=\d)/, '') || '0') * sign;
  let scale = frac.length - exp; // value = n / 10^scale
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return rational(n, 10n ** BigInt(scale));
}

/**
 * Scores travel as integer hundredths (87.5 -> 8750): exact, cheap to compare and JSON-safe. Anything that
 * needs division (weights, scaling) goes through ./rational and comes back here once, rounded half-up.
 */
import { roundHalfUp, type Rational } from './rational';

/** An integer number of hundredths of a point: 8765 means 87.65. */
export type Hundredths = number;

export function isHundredths(x: unknown): x is Hundredths {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

/** 8730 -> '87.30', 5 -> '0.05', -150 -> '-1.50'. Always two decimals, as published lists show them. */
export function formatHundredths(h: Hundredths): string {
  const sign = h < 0 ? '-' : '';
  const abs = Math.abs(h);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${cents < 10 ? '0' : ''}${cents}`;
}

/** An exact value in points, rounded half-up to hundredths. */
export function roundToHundredths(points: Rational): Hundredths {
  return Number(roundHalfUp({ n: points.n * 100n, d: points.d }));
}

/** Injected time, so tests can stutter or rewind the wall clock the way offline laptops do. */
export type Clock = { nowMs(): number };

export const systemClock: Clock = { nowMs: () => Date.now() };

export function isoNow(clock: Clock): string {
  return new Date(clock.nowMs()).toISOString();
}

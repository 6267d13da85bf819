import { sql } from 'kysely';
import type { Tx } from '../context';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

export type Reservation = { ok: true; attempt: number; locksAccount: boolean } | { ok: false; lockedUntil: string };

/**
 * Claims one password check for a user in a single UPDATE, before the (slow) scrypt check runs, so
 * parallel guesses cannot all read "4 failures so far" and each get checked. Every claim counts as a
 * failure until the check succeeds; the claim that reaches the limit sets the lock at once, and claims
 * are refused while the lock lasts. An expired lock starts a fresh count.
 */
export async function reserveAttempt(tx: Tx, userId: string, nowMs: number): Promise<Reservation> {
  const now = new Date(nowMs).toISOString();
  const lockUntil = new Date(nowMs + LOCKOUT_MS).toISOString();
  const base = sql<number>`(CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 0 ELSE failed_logins END)`;
  const row = await tx
    .updateTable('users')
    .set({
      failed_logins: sql`${base} + 1`,
      locked_until: sql`CASE WHEN ${base} + 1 >= ${MAX_FAILED_LOGINS} THEN ${lockUntil} ELSE NULL END`,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['failed_logins'])
    .executeTakeFirst();
  if (row) return { ok: true, attempt: row.failed_logins, locksAccount: row.failed_logins >= MAX_FAILED_LOGINS };
  const locked = await tx.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirst();
  return { ok: false, lockedUntil: locked?.locked_until ?? lockUntil };
}

/** A successful check ends the count and any lock its own claim set. */
export async function clearAttempts(tx: Tx, userId: string): Promise<void> {
  await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

import type { Actor } from '../context';
import type { Clock } from '../util/clock';

/**
 * Logged-in users per transport session (an Electron window, a browser tab, one CLI invocation). Held in
 * memory only: a restart logs everyone out, which is what a shared desk laptop should do. Idle sessions
 * lock: the next call answers SESSION_LOCKED and the UI asks for the password again.
 */
export class SessionStore {
  private readonly sessions = new Map<string, { actor: Actor; lastActive: number; locked: boolean }>();

  constructor(
    private readonly clock: Clock,
    public idleMs: number = 15 * 60 * 1000,
  ) {}

  bind(key: string, actor: Actor): void {
    this.sessions.set(key, { actor, lastActive: this.clock.nowMs(), locked: false });
  }

  end(key: string): void {
    this.sessions.delete(key);
  }

  /** The actor for this key, or 'locked' when idle too long (the entry is kept so the UI can name the user). */
  resolve(key: string, options: { touch?: boolean } = {}): Actor | 'locked' | null {
    const s = this.sessions.get(key);
    if (!s) return null;
    const now = this.clock.nowMs();
    if (s.locked || (this.idleMs > 0 && now - s.lastActive > this.idleMs)) {
      s.locked = true;
      return 'locked';
    }
    // Only real work counts as activity: status polls must not keep an unattended desk unlocked.
    if (options.touch !== false) s.lastActive = now;
    return s.actor;
  }

  /** Lock now (the user stepped away): who it was is kept for the lock screen; the password reopens it. */
  lock(key: string): void {
    const s = this.sessions.get(key);
    if (s) s.locked = true;
  }

  peek(key: string): Actor | null {
    return this.sessions.get(key)?.actor ?? null;
  }

  /** After a user is disabled or their role changes, their open sessions must not keep the old rights. */
  endUser(userId: string): void {
    for (const [k, s] of this.sessions) if (s.actor.userId === userId) this.sessions.delete(k);
  }
}

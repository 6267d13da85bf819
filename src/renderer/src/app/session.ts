import { create } from 'zustand';
import type { SystemStatus } from '../../../shared/contract/system';
import type { UserView } from '../../../shared/contract/users';
import type { ApiError } from '../../../shared/errors';
import { api } from '../api/client';

/**
 * loading: first status call; unreachable: the core did not answer; setup: first run; login; locked: the
 * lock screen (same user must re-enter the password); ready: signed in.
 */
export type Phase = 'loading' | 'unreachable' | 'setup' | 'login' | 'locked' | 'ready';

type SessionState = {
  phase: Phase;
  status: SystemStatus | null;
  user: UserView | null;
  loadError: ApiError | null;
  /** Why the login screen is showing, when it was not the user's own choice. */
  notice: 'expired' | null;
  /** Bumped on every sign-in so open screens reload what a locked session could not fetch. */
  epoch: number;
  refresh: () => Promise<void>;
  signedIn: (user: UserView) => Promise<void>;
  lock: () => Promise<void>;
  logout: () => Promise<void>;
  markLocked: () => void;
  markSignedOut: () => void;
};

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'loading',
  status: null,
  user: null,
  loadError: null,
  notice: null,
  epoch: 0,

  refresh: async () => {
    const r = await api['system.status']({});
    if (!r.ok) {
      set({ phase: 'unreachable', loadError: r.error });
      return;
    }
    const status = r.value;
    const current = get();
    if (!status.initialized) set({ phase: 'setup', status, user: null, loadError: null });
    else if (status.locked && status.user) set({ phase: 'locked', status, user: status.user, loadError: null });
    else if (status.user) set({ phase: 'ready', status, user: status.user, loadError: null });
    // auth.lock ends the core session, so a lock started here is only known here: keep showing it.
    else if (current.phase === 'locked' && current.user) set({ status, loadError: null });
    else set({ phase: 'login', status, user: null, loadError: null });
  },

  signedIn: async (user) => {
    set((s) => ({ phase: 'ready', user, notice: null, epoch: s.epoch + 1 }));
    await get().refresh();
  },

  lock: async () => {
    if (get().phase !== 'ready') return;
    set({ phase: 'locked' });
    await api['auth.lock']({});
  },

  logout: async () => {
    await api['auth.logout']({});
    set({ phase: 'login', user: null, notice: null });
  },

  markLocked: () => {
    if (get().phase === 'ready' && get().user) set({ phase: 'locked' });
  },

  markSignedOut: () => {
    const { phase } = get();
    if (phase === 'ready' || phase === 'locked') set({ phase: 'login', user: null, notice: 'expired' });
  },
}));

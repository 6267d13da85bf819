import { useEffect } from 'react';
import { useSession } from './session';

export const IDLE_LOCK_MS = 15 * 60 * 1000;
const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * A shared desk laptop: after 15 minutes without keyboard or pointer input the session locks here (auth.lock)
 * rather than waiting for the next call to be refused by the core's own idle timer.
 */
export function useIdleLock(active: boolean): void {
  const lock = useSession((s) => s.lock);
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => void lock(), IDLE_LOCK_MS);
    let last = Date.now();
    const onInput = () => {
      const now = Date.now();
      if (now - last < 1000) return; // pointermove fires constantly; resetting once a second is enough
      last = now;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void lock(), IDLE_LOCK_MS);
    };
    for (const e of EVENTS) window.addEventListener(e, onInput, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, onInput);
    };
  }, [active, lock]);
}

import { useEffect, useState } from 'react';
import type { OutboxStatus } from '../../../../shared/contract/outbox';
import { call } from '../../app/call';

/** Background connectivity probe: outbox.status every few seconds while the screen is open. */
export function useOutboxStatus(intervalMs: number, onChange: () => void): OutboxStatus | null {
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    let last = '';
    const tick = async () => {
      const r = await call('outbox.status', {});
      if (stopped || !r.ok) return;
      setStatus(r.value);
      const sig = JSON.stringify([r.value.counts, r.value.pushing, r.value.endpoint]);
      if (last && sig !== last) onChange();
      last = sig;
    };
    void tick();
    const timer = setInterval(() => void tick(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [intervalMs, onChange]);
  return status;
}

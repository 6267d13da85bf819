/**
 * Garbage-collection pauses while something runs: the runtime's own `gc` performance entries, summed. Part of
 * where an import's time goes that no function of ours shows in a profile.
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Starts counting; `stop()` returns the pauses' total in ms since the start. The runtime queues a pause's
 * entry after the pause, so stop waits one turn of the event loop before it takes what is queued.
 */
export function gcPauses(): { stop: () => Promise<number> } {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      await nextTurn();
      entries.push(...observer.takeRecords());
      observer.disconnect();
      return entries.reduce((sum, e) => sum + e.duration, 0);
    },
  };
}

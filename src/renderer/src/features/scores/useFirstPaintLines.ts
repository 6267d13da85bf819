import { startTransition, useEffect, useState } from 'react';
import { FIRST_PAINT_LINES } from './first-paint-lines';

/**
 * How many lines to render: FIRST_PAINT_LINES until the first answer has been painted, then all of them,
 * rendered as a transition after that frame so the rest of the groups never hold up what is already in view.
 */
export function useFirstPaintLines(ready: boolean): number {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (!ready || all) return;
    const frame = requestAnimationFrame(() => startTransition(() => setAll(true)));
    return () => cancelAnimationFrame(frame);
  }, [ready, all]);
  return all ? Number.POSITIVE_INFINITY : FIRST_PAINT_LINES;
}

import { useCallback, useState, type UIEvent } from 'react';

export type WindowedRows = {
  /** First row to render (inclusive) and the row after the last one. */
  first: number;
  last: number;
  /** Height of all rows together: the scroll area's content is this tall, whatever is rendered. */
  totalHeight: number;
  onScroll: (e: UIEvent<HTMLElement>) => void;
};

/**
 * Windowing for long fixed-height lists (600 trainees' rotation rows): only the rows in view, plus a few
 * either side so fast scrolling shows no gaps, are rendered; the rest is empty space of the right height.
 */
export function useWindowedRows(count: number, rowHeight: number, viewportHeight: number, overscan = 6): WindowedRows {
  const [scrollTop, setScrollTop] = useState(0);
  const onScroll = useCallback((e: UIEvent<HTMLElement>) => setScrollTop(e.currentTarget.scrollTop), []);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last, totalHeight: count * rowHeight, onScroll };
}

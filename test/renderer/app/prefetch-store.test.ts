import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dropPrefetched, keepPrefetched, takePrefetched } from '../../../src/renderer/src/app/prefetch-store';
import type { Result } from '../../../src/shared/errors';

const answer = (value: unknown) => () => Promise.resolve<Result<unknown>>({ ok: true, value });

describe('answers started at a click, waiting for their page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    dropPrefetched();
    vi.useRealTimers();
  });

  it('are handed out once, to the first screen asking with the same key', async () => {
    keepPrefetched('scores.page {}', answer('first page'));
    expect(takePrefetched('scores.components {}')).toBeNull();
    expect(await takePrefetched('scores.page {}')).toEqual({ ok: true, value: 'first page' });
    expect(takePrefetched('scores.page {}')).toBeNull();
  });

  it('start one call for a double click', () => {
    const start = vi.fn(answer('rows'));
    keepPrefetched('k', start);
    keepPrefetched('k', start);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('are not served a few seconds after the click: the page fetches anew', () => {
    keepPrefetched('k', answer('old'));
    vi.advanceTimersByTime(6_000);
    expect(takePrefetched('k')).toBeNull();
    const start = vi.fn(answer('new'));
    keepPrefetched('k', start);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('are dropped by any change, so a page never shows the state before it', () => {
    keepPrefetched('a', answer(1));
    keepPrefetched('b', answer(2));
    dropPrefetched();
    expect(takePrefetched('a')).toBeNull();
    expect(takePrefetched('b')).toBeNull();
  });
});

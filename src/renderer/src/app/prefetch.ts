import type { OpInput, OpName } from '../../../shared/contract';
import { queryKey } from '../lib/query/cache';
import { call } from './call';
import { keepPrefetched } from './prefetch-store';

/**
 * Starts a call a page will make on its first render, at the click that opens the page: the answer travels
 * while the page's chunk loads instead of after it. The page's `useQuery` with the same operation and input
 * takes it (see prefetch-store.ts); a call already waiting for the same key is not started twice.
 */
export function prefetch<K extends OpName>(op: K, input: OpInput<K>): void {
  keepPrefetched(queryKey(op, input), () => call(op, input));
}

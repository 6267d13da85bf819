import { useSyncExternalStore } from 'react';
import { ROUTES } from './routes';

/** A tiny hash router: '#/plan' -> '/plan'. Hash routes survive reloads and need nothing from the server. */
export function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  const path = raw.split('?')[0] ?? '';
  return path.startsWith('/') ? path : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function navigate(path: string): void {
  window.location.hash = path;
}

let latestOpen = 0;

/**
 * Goes to a page once its chunk is here (or failed to come: the page's error boundary then says so). Showing
 * the page first would put up the loading line, and React holds back what replaces a just-shown fallback for
 * 300 ms, so the page would appear well after its chunk and data arrived. Only the last click counts. A route
 * with a `prefetch` starts its first data calls now, so they travel while the chunk loads; not when the page
 * is already shown (it would not mount again to take them).
 */
export function navigateWhenLoaded(path: string, load: () => Promise<unknown>): void {
  const mine = ++latestOpen;
  const go = () => {
    if (mine === latestOpen) navigate(path);
  };
  // The chunk is asked for first: the core answers one request at a time, and the page cannot render
  // without its code, while a data answer that comes a little later only waits in the cache.
  const chunk = load();
  if (path !== currentPath()) ROUTES.find((r) => r.path === path)?.prefetch?.();
  chunk.then(go, go);
}

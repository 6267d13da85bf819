import { createElement, lazy, useState, type ComponentType } from 'react';

/** A page loaded from its own chunk the first time it is shown; `preload` starts that load early. */
export type LazyPage = ComponentType & { preload: () => Promise<unknown> };

/**
 * Wraps a page module's named export so each route ships as its own chunk and the entry chunk keeps only the
 * login screen and the shell. The module promise is shared: pointing at a link (preload) and showing the page
 * make one download. A page whose chunk is already here renders at once instead of suspending for a frame
 * (React holds a suspended screen back for a moment before it shows it); the choice is made once per mount,
 * so a page never remounts and loses its state when its chunk arrives.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyPage {
  let loaded: ComponentType | undefined;
  let pending: Promise<M> | undefined;
  const once = () =>
    (pending ??= load().then((m) => {
      loaded = m[name] as ComponentType;
      return m;
    }));
  const Suspending = lazy(async () => ({ default: (await once())[name] as ComponentType }));
  function Page() {
    const [Shown] = useState<ComponentType>(() => loaded ?? Suspending);
    return createElement(Shown);
  }
  return Object.assign(Page, { preload: once });
}

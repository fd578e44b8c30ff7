import { type ComponentType, type LazyExoticComponent, lazy } from "react";

export type LazyPage = LazyExoticComponent<ComponentType> & {
  /** Starts fetching the page ahead of its first showing. */
  preload: () => void;
};

/**
 * A page fetched when it is first shown, so that an app's first download holds its frame and not
 * every page: `lazyPage(() => import("./pages/home.tsx"), "HomePage")`, the module and the name it
 * exports the page by. Render it inside a <Suspense>.
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(
  load: () => Promise<M>,
  name: K,
): LazyPage {
  return Object.assign(
    lazy(() => load().then((module) => ({ default: module[name] }))),
    // The browser fetches a module once: the later import() of lazy() gets the same one.
    { preload: () => void load() },
  );
}

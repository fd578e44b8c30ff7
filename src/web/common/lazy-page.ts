import { type ComponentType, lazy } from "react";

/**
 * A page fetched when it is first shown, so that an app's first download holds its frame and not
 * every page: `lazyPage(() => import("./pages/home.tsx"), (m) => m.HomePage)`. Render it inside a
 * <Suspense>.
 */
export const lazyPage = <M>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  lazy(() => load().then((module) => ({ default: pick(module) })));

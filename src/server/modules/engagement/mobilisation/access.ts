import { type Principal, scopePaths } from "../../../platform/auth/index.ts";
import {
  type MobilisationAction,
  type MobilisationActor,
  type MobilisationStatus,
  TRANSITIONS,
} from "./flow.ts";

/**
 * Who reads call-ups besides the staff who raise them: grid workers (dashboard.read reaches the
 * staff of every level, down to the grid), who follow what happens in their grid.
 */
export const WATCH = "dashboard.read" as const;

/** What the caller is with respect to one call-up; computed from the principal and the row alone. */
export interface Standing {
  /** Staff whose engagement.manage scope holds the call-up's node. */
  community: boolean;
  /**
   * Staff who may read it: in scope, or working below its node (a grid worker sees the
   * community's squad his grid takes part in).
   */
  watcher: boolean;
  /** A member it called. */
  called: boolean;
}

const holds = (paths: string[], path: string) => paths.some((p) => path.startsWith(p));
const within = (paths: string[], path: string) => paths.some((p) => p.startsWith(path));

export function standingOf(principal: Principal, territoryPath: string, called: boolean): Standing {
  const manage = scopePaths(principal, "engagement.manage");
  const watch = [...manage, ...scopePaths(principal, WATCH)];
  return {
    community: holds(manage, territoryPath),
    watcher: holds(watch, territoryPath) || within(watch, territoryPath),
    called,
  };
}

export const canSee = (s: Standing) => s.community || s.watcher || s.called;

/** The actions the caller may take now: the pages draw their buttons from it. */
export function allowedActions(s: Standing, status: MobilisationStatus): MobilisationAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.by.some((a: MobilisationActor) => s[a])).map(
    (t) => t.action,
  );
}

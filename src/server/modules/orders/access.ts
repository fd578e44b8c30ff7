import { can, type Principal, scopePaths } from "../../platform/auth/index.ts";
import { type Grabber, homePaths, refusalOf } from "./eligibility.ts";
import { actionsFor, type OrderAction, type OrderActor } from "./flow.ts";
import type { orders } from "./tables.ts";

export type OrderRow = typeof orders.$inferSelect;

/** What the caller is with respect to one order; computed once per request. */
export interface OrderStanding {
  actors: Set<OrderActor>;
  /**
   * A member or volunteer who may look at it: the order is published to where he lives, or it is
   * still open (so that a grab from outside its audience is told why, not "not found").
   */
  mayLook: boolean;
}

/** Staff whose orders.publish scope holds the order act for the publisher (社区派单, 回访). */
const publishes = (principal: Principal, territoryPath: string) =>
  scopePaths(principal, "orders.publish").some((p) => territoryPath.startsWith(p));

export async function standingOf(
  principal: Principal,
  grabber: Grabber,
  row: OrderRow,
  skill: string | null,
): Promise<OrderStanding> {
  const actors = new Set<OrderActor>();
  if (publishes(principal, row.territoryPath)) actors.add("publisher");
  if (row.takerUserId !== null && row.takerUserId === principal.userId) actors.add("taker");
  if (row.requesterUserId !== null && row.requesterUserId === principal.userId) actors.add("requester");
  const grabs = can(principal, "orders.grab");
  if (grabs && row.status === "open" && !(await refusalOf({ ...row, skill }, grabber, undefined, false)))
    actors.add("grabber");
  const mayLook =
    grabs &&
    (row.status === "open" || (await homePaths(grabber)).some((p) => p.startsWith(row.audiencePath)));
  return { actors, mayLook };
}

/** May the caller see the order at all (else it is 404)? */
export const canSee = (s: OrderStanding) => s.actors.size > 0 || s.mayLook;

/** The actions the caller may take now: the pages draw their buttons from it. */
export const allowedActions = (s: OrderStanding, row: OrderRow): OrderAction[] =>
  actionsFor(s.actors, row.status);

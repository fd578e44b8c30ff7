import { can, type Principal, scopePaths } from "../../platform/auth/index.ts";
import { type Grabber, refusalOf } from "./eligibility.ts";
import { actionsFor, type OrderAction, type OrderActor, TAKEN_STATUSES } from "./flow.ts";
import type { orders } from "./tables.ts";

export type OrderRow = typeof orders.$inferSelect;

/** What the caller is with respect to one order; computed once per request. */
export interface OrderStanding {
  actors: Set<OrderActor>;
  /**
   * A member or volunteer it is published to (audience, area, team, skill: the grab's own rule,
   * the distance aside, since that depends on where his phone is at the moment): he may look at
   * it, at any status, so that the grabs that lost the race are told it was taken.
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
  const mayLook =
    can(principal, "orders.grab") && !(await refusalOf({ ...row, skill }, grabber, undefined, false));
  if (mayLook && row.status === "open") actors.add("grabber");
  return { actors, mayLook };
}

/** May the caller see the order at all (else it is 404, by id and by code alike)? */
export const canSee = (s: OrderStanding) => s.actors.size > 0 || s.mayLook;

/**
 * Does the caller answer for the service, so that he needs the requester's whole address and
 * phone: the one who took it, the staff who publish in its area, and the requester himself?
 * Everyone else it is merely offered to sees them masked.
 */
export const isResponsible = (s: OrderStanding) =>
  s.actors.has("taker") || s.actors.has("publisher") || s.actors.has("requester");

/** The actions the caller may take now: the pages draw their buttons from it. */
export const allowedActions = (s: OrderStanding, row: OrderRow): OrderAction[] =>
  actionsFor(s.actors, row.status);

/**
 * 办理联系: the taker, while the order is his (grabbed, on site), may reveal the requester's phone
 * to call him with one tap (logged); everyone else reads it masked.
 */
export const mayCall = (s: OrderStanding, row: OrderRow): boolean =>
  s.actors.has("taker") && TAKEN_STATUSES.includes(row.status) && row.requesterPhone !== null;

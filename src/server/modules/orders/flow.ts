import type { OrderStatus } from "./tables.ts";

/**
 * The order–grab flow (西湖 "五单": 按键发单 → 系统派单 → 手机抢单 → 回访评单 → 积分兑单) as one table
 * of allowed transitions. The diagram is in flow.md beside this file; keep both in step.
 */
export const ORDER_ACTIONS = [
  "publish",
  "grab",
  "release",
  "arrive",
  "miss",
  "complete",
  "rate",
  "cancel",
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/**
 * Who may take a step: staff whose scope holds the order (社区派单), the member or volunteer who
 * grabbed it, someone it is published to, the resident it serves, or the system (deadlines).
 */
export type OrderActor = "publisher" | "taker" | "grabber" | "requester" | "system";

export interface OrderTransition {
  action: Exclude<OrderAction, "publish">;
  from: readonly OrderStatus[];
  to: OrderStatus;
  by: readonly OrderActor[];
}

export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  // 抢单: the first valid grab wins (one conditional UPDATE, grab.ts).
  { action: "grab", from: ["open"], to: "grabbed", by: ["grabber"] },
  // The taker gives it up, or lets the on-site deadline pass: back to the pool.
  { action: "release", from: ["grabbed"], to: "open", by: ["taker"] },
  { action: "miss", from: ["grabbed"], to: "open", by: ["system"] },
  { action: "arrive", from: ["grabbed"], to: "onSite", by: ["taker"] },
  // 办结 with photos; then 评单: the resident, or the community on a phone callback (回访).
  { action: "complete", from: ["onSite"], to: "completed", by: ["taker"] },
  { action: "rate", from: ["completed"], to: "rated", by: ["requester", "publisher"] },
  { action: "cancel", from: ["open", "grabbed"], to: "cancelled", by: ["publisher"] },
];

/** Statuses in which someone holds the order. */
export const TAKEN_STATUSES: readonly OrderStatus[] = ["grabbed", "onSite"];
/** Statuses of an order that has been served. */
export const DONE_STATUSES: readonly OrderStatus[] = ["completed", "rated"];

export function orderTransitionFor(action: OrderAction, from: OrderStatus): OrderTransition | undefined {
  return ORDER_TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}

/** The actions open to someone acting as any of `actors` on an order in `status`. */
export function actionsFor(actors: ReadonlySet<OrderActor>, status: OrderStatus): OrderAction[] {
  const out = new Set<OrderAction>();
  for (const t of ORDER_TRANSITIONS)
    if (t.from.includes(status) && t.by.some((a) => actors.has(a))) out.add(t.action);
  return [...out];
}

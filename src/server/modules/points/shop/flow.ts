import type { RedemptionStatus } from "./tables.ts";

/**
 * A redemption (兑换) as a table of allowed moves, drawn in flow.md: reserved when the points and
 * the stock are taken; delivered when the shop (or the community's hall) scans the code; cancelled,
 * with points and stock returned, only while nothing has been handed over.
 */
export const REDEMPTION_MOVES: Readonly<Record<RedemptionStatus, readonly RedemptionStatus[]>> = {
  reserved: ["delivered", "cancelled"],
  delivered: [],
  cancelled: [],
};

export const canMove = (from: RedemptionStatus, to: RedemptionStatus) => REDEMPTION_MOVES[from].includes(to);

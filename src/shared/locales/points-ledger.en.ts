import type { pointsLedgerZhCN } from "./points-ledger.zh-CN.ts";
import type { Same } from "./same.ts";

export const pointsLedgerEn: Same<typeof pointsLedgerZhCN> = {
  title: "My points",
};

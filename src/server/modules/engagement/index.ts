import type { Module } from "../../platform/module/index.ts";

/**
 * 双报到 and what follows (P1–P3): units paired with communities, in-service members reporting in
 * where they live, their service record (纪实手册) fed by the other modules' events, feedback
 * cards to their units, and household visits (民情日记).
 */
export const engagementModule: Module = {
  name: "engagement",
  routes: [],
};

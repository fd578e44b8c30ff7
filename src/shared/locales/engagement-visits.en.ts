import type { engagementVisitsZhCN } from "./engagement-visits.zh-CN.ts";
import type { Same } from "./same.ts";

export const engagementVisitsEn: Same<typeof engagementVisitsZhCN> = {
  title: "Household visits",
};

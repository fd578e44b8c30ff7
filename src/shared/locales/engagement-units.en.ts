import type { engagementUnitsZhCN } from "./engagement-units.zh-CN.ts";
import type { Same } from "./same.ts";

export const engagementUnitsEn: Same<typeof engagementUnitsZhCN> = {
  title: "Paired units and report-ins",
};

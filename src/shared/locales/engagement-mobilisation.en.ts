import type { engagementMobilisationZhCN } from "./engagement-mobilisation.zh-CN.ts";
import type { Same } from "./same.ts";

export const engagementMobilisationEn: Same<typeof engagementMobilisationZhCN> = {
  title: "Call-ups and talent pool",
};

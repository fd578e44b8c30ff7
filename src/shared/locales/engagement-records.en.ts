import type { engagementRecordsZhCN } from "./engagement-records.zh-CN.ts";
import type { Same } from "./same.ts";

export const engagementRecordsEn: Same<typeof engagementRecordsZhCN> = {
  title: "Service records",
};

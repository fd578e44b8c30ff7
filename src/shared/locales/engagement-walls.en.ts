import type { engagementWallsZhCN } from "./engagement-walls.zh-CN.ts";
import type { Same } from "./same.ts";

export const engagementWallsEn: Same<typeof engagementWallsZhCN> = {
  title: "Members' walls",
};

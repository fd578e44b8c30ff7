/** Words of members' walls (engagement module), zh-CN first. */
export const engagementWallsZhCN = {
  title: "党员风采墙",
} as const;

/** Words of household visits (engagement module), zh-CN first. */
export const engagementVisitsZhCN = {
  title: "走访民情",
} as const;

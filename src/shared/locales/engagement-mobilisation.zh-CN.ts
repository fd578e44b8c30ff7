/** Words of call-ups and talent pool (engagement module), zh-CN first. */
export const engagementMobilisationZhCN = {
  title: "应急动员与人才库",
} as const;

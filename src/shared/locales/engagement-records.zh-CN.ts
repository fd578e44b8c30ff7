/** Words of service records (engagement module), zh-CN first. */
export const engagementRecordsZhCN = {
  title: "服务纪实",
} as const;

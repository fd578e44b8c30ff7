/** Words of paired units and report-ins (engagement module), zh-CN first. */
export const engagementUnitsZhCN = {
  title: "共建单位与双报到",
} as const;

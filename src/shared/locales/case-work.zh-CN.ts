/** Strings of the case workflow both apps show: deadlines, who holds a case, 督办, 撤回吹哨. */
export const caseWorkZhCN = {
  duration: { minutes: "{{count}} 分钟", hours: "{{count}} 小时", days: "{{count}} 天" },
  deadline: {
    response: "响应时限",
    resolve: "办结时限",
    responseIn: "{{time}}内须响应",
    resolveIn: "{{time}}内须办结",
    responseLate: "响应已超时 {{time}}",
    resolveLate: "办结已超时 {{time}}",
    responded: "已响应",
  },
  late: { response: "响应超时", resolve: "办结超时" },
  holder: {
    grid: "网格办理中 · {{name}}",
    community: "社区办理中 · {{name}}",
    street: "街道办理中 · {{name}}",
    department: "{{name}}办理中",
    unnamed: "{{level}}办理中",
  },
  inbox: {
    mine: "待我办理",
    mineOverdue: "待我办理 · 已超时",
    following: "跟踪中",
    followingHint: "本辖区内由社区、街道或部门办理的诉求，可随时查看进展",
    mineEmpty: "暂无待您办理的诉求",
    followingEmpty: "暂无需要跟踪的诉求",
  },
  holderLabel: "当前办理",
  filter: { holder: "办理人", all: "全部诉求", me: "待我办理", others: "跟踪中" },
  supervise: {
    hint: "督办意见（选填），如：群众反映强烈，请于今日内处理并反馈",
  },
  whistle: {
    withdraw: "撤回吹哨",
    withdrawTitle: "撤回对{{name}}的吹哨",
    withdrawNote: "撤回原因（选填）",
    withdrawHint: "如：问题已由其他部门解决，无需再报到",
    withdrawn: "已撤回吹哨",
    waitHint: "还有部门未反馈时不能办结：请等待其反馈，或撤回对其的吹哨。",
  },
};

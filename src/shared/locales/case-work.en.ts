import type { caseWorkZhCN } from "./case-work.zh-CN.ts";
import type { Same } from "./same.ts";

export const caseWorkEn: Same<typeof caseWorkZhCN> = {
  duration: { minutes: "{{count}} min", hours: "{{count}} h", days: "{{count}} days" },
  deadline: {
    response: "Response deadline",
    resolve: "Resolution deadline",
    responseIn: "Respond within {{time}}",
    resolveIn: "Resolve within {{time}}",
    responseLate: "Response {{time}} late",
    resolveLate: "Resolution {{time}} late",
    responded: "Responded",
  },
  late: { response: "Response late", resolve: "Resolution late" },
  holder: {
    grid: "With the grid · {{name}}",
    community: "With the community · {{name}}",
    street: "With the street · {{name}}",
    department: "With {{name}}",
    unnamed: "With the {{level}}",
  },
  inbox: {
    mine: "For me to handle",
    mineOverdue: "For me to handle · overdue",
    following: "Following",
    followingHint:
      "Cases in your area handled by the community, the street or a department: follow their progress",
    mineEmpty: "Nothing waits for you",
    followingEmpty: "Nothing to follow",
  },
  holderLabel: "Now with",
  filter: { holder: "Handled by", all: "All cases", me: "For me to handle", others: "Following" },
  supervise: {
    hint: "Instruction (optional), e.g. residents are pressing: please handle it today and report back",
  },
  whistle: {
    withdraw: "Withdraw whistle",
    withdrawTitle: "Withdraw the whistle to {{name}}",
    withdrawNote: "Reason (optional)",
    withdrawHint: "e.g. another department solved it; no need to report",
    withdrawn: "Whistle withdrawn",
    waitHint:
      "The case cannot be resolved while a department has not reported back: wait for it, or withdraw its whistle.",
  },
};

/** Texts of the case workflow's checks (督办, 吹哨 withdrawn or awaited). zh-CN first, English second. */
export const CASE_WORK_TEXTS = {
  // `departments`: the names of the whistled departments that have not reported back yet.
  WHISTLES_OPEN: {
    "zh-CN": "还有部门未报到反馈：{departments}。请等待其反馈，或撤回对其的吹哨后再办结",
    en: "Some departments have not reported back yet: {departments}. Wait for them, or withdraw their whistle, before resolving",
  },
};

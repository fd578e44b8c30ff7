/** Texts of the reference data edited from the pages: case and order categories, departments, grid types, devices. */
export const CATALOG_TEXTS = {
  CATEGORY_EXISTS: {
    "zh-CN": "编码为 {code} 的诉求分类已存在",
    en: "A case category with the code {code} already exists",
  },
  CATEGORY_DEPARTMENT_REQUIRED: {
    "zh-CN": "由职能部门办理的分类须选择部门",
    en: "Choose the department that handles this category",
  },
  CATEGORY_RESPONSE_TOO_LONG: {
    "zh-CN": "响应时限须不长于办结时限",
    en: "The response time cannot be longer than the time to resolve",
  },
  CATEGORY_REMIND_TOO_LONG: {
    "zh-CN": "到期提醒的提前量须短于响应时限和办结时限",
    en: "The reminder must come sooner before a deadline than the response and resolution times",
  },
  CATEGORY_QUESTION_INVALID: {
    "zh-CN": "补充问题“{label}”有误：{reason}",
    en: "The extra question “{label}” is wrong: {reason}",
  },
  CATEGORY_NEEDED_BY_DEVICES: {
    "zh-CN": "一键通呼叫使用该分类，不能停用",
    en: "One-key calls file cases in this category: it cannot be deactivated",
  },
  DEPARTMENT_EXISTS: {
    "zh-CN": "编码为 {code} 的部门已存在",
    en: "A department with the code {code} already exists",
  },
  ORDER_CATEGORY_EXISTS: {
    "zh-CN": "编码为 {code} 的服务类别已存在",
    en: "A service category with the code {code} already exists",
  },
  ORDER_CATEGORY_IN_USE: {
    "zh-CN": "已有 {count} 张工单使用该服务类别，不能删除",
    en: "{count} orders use this service category: it cannot be removed",
  },
  UNKNOWN_SKILL: { "zh-CN": "未知的志愿者特长：{skill}", en: "Unknown volunteer skill: {skill}" },
  GRID_TYPE_EXISTS: {
    "zh-CN": "编码为 {code} 的网格类型已存在",
    en: "A grid type with the code {code} already exists",
  },
  UNKNOWN_GRID_TYPE: {
    "zh-CN": "未知或已停用的网格类型：{gridType}",
    en: "Unknown or deactivated grid type: {gridType}",
  },
  GRID_TYPE_NOT_FOR_LEVEL: {
    "zh-CN": "只有网格才有网格类型",
    en: "Only grids have a grid type",
  },
} satisfies Record<string, { "zh-CN": string; en: string }>;

/** Texts of orders, exports, imports and the rest. zh-CN first, English second (see messages.ts). */
export const ORDERS_TEXTS = {
  // Orders (抢单): the details carry the specifics (current status, distance, skill …).
  INVALID_RANGE: {
    "zh-CN": "统计时段不正确：开始日期不能晚于结束日期，且跨度不超过十年",
    en: "The period must start on or before its last day and span at most ten years",
  },
  INVALID_PERIOD: {
    "zh-CN": "报表周期不正确：月报写作 2026-11，季报写作 2026-Q4，且不能是尚未开始的周期",
    en: "A month is written 2026-11 and a quarter 2026-Q4, and it must have begun",
  },
  NOT_A_COMMUNITY: { "zh-CN": "报表按社区生成，请选择一个社区", en: "Reports are made per community" },
  WRONG_REPORT_AREA: {
    "zh-CN": "所选区域不是{expected}，请重新选择",
    en: "The chosen area is not a {expected}; choose again",
  },
  ORDER_TAKEN: { "zh-CN": "手慢了，这个订单已被他人抢走", en: "Too late: someone else has taken this order" },
  ALREADY_GRABBED: { "zh-CN": "这个订单您已经抢到了", en: "You have already taken this order" },
  NOT_IN_AUDIENCE: {
    "zh-CN": "此订单只面向{audienceName}，您不在接单对象之列",
    en: "You are not in this order's audience ({audienceName})",
  },
  OUTSIDE_AUDIENCE: {
    "zh-CN": "此订单不面向您所在的社区或网格",
    en: "This order is not published to where you live",
  },
  NOT_IN_TEAM: { "zh-CN": "此订单只由指定的志愿服务队接单", en: "This order is for one volunteer team only" },
  SKILL_REQUIRED: {
    "zh-CN": "此订单需要具备“{skill}”技能的志愿者",
    en: "This order needs a volunteer with the skill “{skill}”",
  },
  GRABBER_LOCATION_REQUIRED: {
    "zh-CN": "此订单限距离接单，请允许手机定位后再抢",
    en: "This order is for people nearby: allow your phone's location and try again",
  },
  TOO_FAR: {
    "zh-CN": "您距服务地点约 {distanceMeters} 米，超出本单 {maxDistanceMeters} 米的接单范围",
    en: "You are about {distanceMeters} m from the place, beyond this order's {maxDistanceMeters} m",
  },
  ON_SITE_OVERDUE: {
    "zh-CN": "已超过到场时限，订单已退回抢单大厅",
    en: "The on-site deadline has passed; the order is back in the hall",
  },
  CASE_NOT_OPEN: {
    "zh-CN": "该诉求已不在网格或社区办理，不能发布为抢单",
    en: "The case is no longer with the grid or the community and cannot become an order",
  },
  CASE_HAS_ORDER: {
    "zh-CN": "该诉求已发布为抢单 {orderCode}",
    en: "This case has already been published as the order {orderCode}",
  },
  UNKNOWN_ORDER_CATEGORY: {
    "zh-CN": "未知的服务类别：{category}",
    en: "Unknown service category: {category}",
  },
  OUTSIDE_YOUR_AREA: { "zh-CN": "该地点不在您的管辖范围内", en: "The place lies outside your area" },
  PLACE_REQUIRED: {
    "zh-CN": "请说明服务地点：地图选点、住户或所在网格",
    en: "Say where: a point on the map, a household or a grid",
  },
  PLACE_NEEDS_LOCATION: {
    "zh-CN": "限定接单距离时，请在地图上标出服务地点",
    en: "A distance limit needs the place marked on the map",
  },
  // Spreadsheet exports.
  EXPORT_TOO_LARGE: {
    "zh-CN": "数据太多（{total} 行），一个表格最多 {max} 行，请缩小筛选范围后再导出",
    en: "Too many rows ({total}) for one spreadsheet of at most {max}: narrow the filters",
  },
  PURPOSE_REQUIRED: { "zh-CN": "请填写用途（2–200 个字）", en: "State the purpose (2–200 characters)" },
  REVEAL_EXPORT_ONLY: {
    "zh-CN": "完整证件号只能随 Excel 导出提供",
    en: "Full ID numbers come only with the spreadsheet export",
  },
  CODE_TAKEN: { "zh-CN": "编码 {code} 已被使用", en: "The code {code} is already used" },
  DUPLICATE_ID_NUMBER: { "zh-CN": "该身份证号码已登记", en: "This ID number is already registered" },
  INVALID_ID_NUMBER: {
    "zh-CN": "身份证号码无效：请核对位数、出生日期和最后一位校验码",
    en: "The ID number is not valid: check its length, the birth date and the last (check) character",
  },
  LEVEL_NOT_ALLOWED: {
    "zh-CN": "所选上级之下不能设这一级（只有区县可以没有上级）",
    en: "This level cannot sit under the chosen parent (only a district stands without one)",
  },
  NO_POLYGON_FOR_LEVEL: {
    "zh-CN": "这一级的位置是一个点，不能设置范围图形",
    en: "This level is placed by a point, not a polygon",
  },
  INVALID_GEOMETRY: {
    "zh-CN": "图形不合格：{problems.0.message}",
    en: "The shape is not valid: {problems.0.message}",
  },
  INVALID_GEOJSON: {
    "zh-CN": "GeoJSON 文件有误：须为合法的 JSON，且为 FeatureCollection（含 features 数组）",
    en: "The GeoJSON file is not valid: it must be JSON, a FeatureCollection with a features array",
  },
  UNSUPPORTED_GEOJSON: {
    "zh-CN": "请上传 GeoJSON 文件（.geojson 或 .json）",
    en: "Upload a GeoJSON file (.geojson or .json)",
  },
  UNSUPPORTED_SPREADSHEET: {
    "zh-CN": "请上传 .xlsx 或 .csv 格式的表格（旧版 .xls 请另存为 .xlsx）",
    en: "Upload a spreadsheet in .xlsx or .csv format (save an old .xls as .xlsx)",
  },
  UNREADABLE_SPREADSHEET: {
    "zh-CN": "无法读取该 .xlsx 文件，请用 Excel 或 WPS 重新另存后上传",
    en: "The .xlsx file cannot be read: save it again in Excel or WPS and upload it",
  },
  MALFORMED_CSV: {
    "zh-CN": "CSV 文件格式有误，请用 Excel 或 WPS 另存为 CSV（UTF-8）后上传",
    en: "The CSV file is malformed: save it again as CSV (UTF-8) in Excel or WPS",
  },
  HEADER_NOT_FOUND: {
    "zh-CN": "找不到表头行：前几行中没有“{first}”等列名",
    en: "No header row found: none of the first rows has the columns {first}",
  },
  MISSING_COLUMNS: { "zh-CN": "缺少必需的列：{missing}", en: "Required columns are missing: {missing}" },
  TOO_MANY_ROWS: {
    "zh-CN": "一次最多导入 {max} 行，请拆分文件",
    en: "At most {max} rows can be imported at once: split the file",
  },
  WRONG_FILE_KIND: { "zh-CN": "该文件不能用于导入{label}", en: "This file cannot be used to import {label}" },
  IMPORT_KIND_REQUIRED: {
    "zh-CN": "请选择导入类型（表单字段 kind）",
    en: "Choose what to import (the form field kind)",
  },
  UNKNOWN_IMPORT_KIND: { "zh-CN": "没有“{kind}”这种导入", en: "There is no import of the kind “{kind}”" },
  FILE_MISSING: {
    "zh-CN": "上传的文件已不存在，请重新上传",
    en: "The uploaded file no longer exists: upload it again",
  },
  CHANGED_SINCE_CHECK: {
    "zh-CN":
      "检查之后数据已有变化，发现 {count} 个问题（如第 {first.row} 行：{first.reason}），未写入任何数据，请重新上传",
    en: "The data changed since the file was checked: {count} problems (e.g. row {first.row}: {first.reason}); nothing was written, upload it again",
  },
  NOT_THE_UPLOADER: {
    "zh-CN": "只有上传该文件的人可以确认导入或下载错误报告",
    en: "Only the person who uploaded the file can confirm the import or download its error report",
  },
  QUEUE_UNAVAILABLE: {
    "zh-CN": "后台任务暂时不能排队，请稍后重试",
    en: "Background jobs cannot be queued right now: try again later",
  },
  ORDERS_UNAVAILABLE: {
    "zh-CN": "本系统未启用服务订单，不能按键发单",
    en: "Service orders are not enabled here: a call cannot publish an order",
  },
  INTERNAL: { "zh-CN": "服务器内部错误，请稍后再试", en: "Internal error, please try again later" },
} satisfies Record<string, { "zh-CN": string; en: string }>;

/**
 * Error messages people read, by error code: zh-CN first, English second, and nowhere else: code
 * throws a code and details. `{name}` or `{a.0.b}` is filled from the error's details, which must
 * hold it at every throw site (messages.test.ts).
 */
const MESSAGES = {
  VALIDATION_FAILED: { "zh-CN": "请求内容不符合要求", en: "The request is not valid" },
  MALFORMED_REQUEST: {
    "zh-CN": "请求格式不正确（网址中的中文等字符须先编码）",
    en: "Malformed HTTP request (characters in the URL must be percent-encoded)",
  },
  HEADERS_TOO_LARGE: { "zh-CN": "请求头过大", en: "The request headers are too large" },
  BAD_REQUEST: { "zh-CN": "请求不正确", en: "Bad request" },
  MALFORMED_URL: {
    "zh-CN": "网址中含有无法解码的字符",
    en: "The URL contains characters that cannot be decoded",
  },
  PARAM_TOO_LONG: { "zh-CN": "网址中的参数过长", en: "A parameter in the URL is too long" },
  URI_TOO_LONG: { "zh-CN": "网址过长", en: "The URL is too long" },
  RANGE_NOT_SATISFIABLE: { "zh-CN": "请求的内容范围无效", en: "The requested range cannot be served" },
  PRECONDITION_FAILED: { "zh-CN": "请求的前提条件不成立", en: "A precondition of the request failed" },
  INVALID_INPUT: {
    "zh-CN": "内容含有不允许的字符（空字符或不成对的代理字符）",
    en: "The text contains characters that are not allowed (NUL or an unpaired surrogate)",
  },
  MALFORMED_JSON: { "zh-CN": "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  UNSUPPORTED_MEDIA_TYPE: { "zh-CN": "不支持的内容类型", en: "Unsupported content type" },
  PAYLOAD_TOO_LARGE: { "zh-CN": "请求内容过大", en: "The request body is too large" },
  MALFORMED_FORM: {
    "zh-CN": "表单内容不合法：不允许使用字段名“{key}”",
    en: "The form body is not valid: the field name “{key}” is not allowed",
  },
  MALFORMED_MULTIPART: { "zh-CN": "上传的表单内容不合法", en: "The multipart form is not valid" },
  NO_FILE: { "zh-CN": "请选择要上传的文件", en: "The form has no file" },
  TOO_MANY_PARTS: { "zh-CN": "表单中的字段或文件过多", en: "The form has too many fields or files" },
  UNSUPPORTED_FILE_TYPE: {
    "zh-CN": "不支持的文件类型，仅支持 JPEG、PNG、WebP、GIF 图片",
    en: "Unsupported file type: only JPEG, PNG, WebP and GIF photos are accepted",
  },
  FILE_TOO_LARGE: { "zh-CN": "文件不能超过 10 MB", en: "The file must not be larger than 10 MB" },
  UNZIPPED_TOO_LARGE: {
    "zh-CN": "文件解压后过大，请检查文件内容，或拆分成几个文件后上传",
    en: "The file is too large once unpacked: check its content, or split it into several files",
  },
  UNSUPPORTED_IMAGE_TYPE: {
    "zh-CN": "不支持的文件类型，仅支持 JPEG、PNG 照片",
    en: "Unsupported file type: only JPEG and PNG photos are accepted",
  },
  UNREADABLE_IMAGE: { "zh-CN": "图片已损坏或无法读取", en: "The image cannot be read" },
  UNKNOWN_FILE: {
    "zh-CN": "引用的文件不存在，请重新上传",
    en: "A referenced file does not exist; upload it again",
  },
  ROUTE_NOT_FOUND: { "zh-CN": "没有这个接口", en: "No such route" },
  NOT_FOUND: { "zh-CN": "未找到，或不在您的管辖范围内", en: "Not found, or outside your area" },
  UNAUTHORIZED: { "zh-CN": "请先登录", en: "Please log in first" },
  TOKEN_INVALID: {
    "zh-CN": "访问令牌无效、已过期或已被撤销",
    en: "The token is invalid, expired or revoked",
  },
  MALFORMED_AUTHORIZATION: {
    "zh-CN": "Authorization 请求头须为“Bearer <令牌>”",
    en: "The Authorization header must be `Bearer <token>`",
  },
  FORBIDDEN: { "zh-CN": "您没有权限进行此操作", en: "You are not allowed to do this" },
  CSRF_REJECTED: {
    "zh-CN": "请求来源不被信任，请从本系统页面操作",
    en: "The request did not come from this site",
  },
  INVALID_CREDENTIALS: { "zh-CN": "手机号或密码错误", en: "Wrong phone number or password" },
  TOO_MANY_ATTEMPTS: { "zh-CN": "尝试次数过多，请稍后再试", en: "Too many attempts, please try again later" },
  TOKEN_OUTLIVES_PARENT: {
    "zh-CN": "用令牌创建的令牌，有效期不能晚于该令牌",
    en: "A token made with a token cannot expire later than it",
  },
  // Cases: the details carry the specifics (fields, current status, allowed actions).
  OUTSIDE_DISTRICT: {
    "zh-CN": "该位置不在本区范围内，请重新选点",
    en: "The place lies outside this district",
  },
  OUTSIDE_COMMUNITY: { "zh-CN": "该位置不属于任何社区或网格", en: "The place lies in no community or grid" },
  LOCATION_REQUIRED: {
    "zh-CN": "请提供事发位置：定位、地图选点或所在住户",
    en: "Say where: your location, a point on the map or your household",
  },
  UNKNOWN_CATEGORY: { "zh-CN": "未知的诉求分类：{category}", en: "Unknown case category: {category}" },
  UNKNOWN_HOUSEHOLD: { "zh-CN": "找不到该住户", en: "No such household" },
  UNKNOWN_DEPARTMENT: { "zh-CN": "找不到该部门", en: "No such department" },
  UNKNOWN_NODE: { "zh-CN": "找不到该网格或社区", en: "No such grid or community" },
  ILLEGAL_TRANSITION: {
    "zh-CN": "当前状态不能执行该操作",
    en: "This action is not possible in the current status",
  },
  NOT_YOUR_STEP: { "zh-CN": "这一步不由您办理", en: "This step is not yours to take" },
  // `labels`: the fields in words, `{"zh-CN": [...], en: [...]}`; `missing` names them for programs.
  MISSING_FIELDS: { "zh-CN": "请填写{labels}", en: "Fill in: {labels}" },
  DEADLINE_IN_PAST: { "zh-CN": "时限须晚于现在", en: "The deadline must be in the future" },
  MERGE_INTO_SELF: { "zh-CN": "不能合并到本身", en: "A case cannot be merged into itself" },
  MERGE_OTHER_CATEGORY: { "zh-CN": "只能合并同一分类的诉求", en: "Only cases of the same category merge" },
  MASTER_NOT_OPEN: { "zh-CN": "目标诉求已被合并或撤回", en: "The target case is merged or withdrawn" },
  UNKNOWN_MASTER: { "zh-CN": "找不到要合并到的诉求", en: "No such case to merge into" },
  INVALID_PHONE: { "zh-CN": "电话号码无效", en: "Not a valid phone number" },
  DEVICE_UNAUTHORIZED: {
    "zh-CN": "设备未登记或设备密钥错误",
    en: "Unknown device or wrong device secret",
  },
  DEVICE_EXISTS: { "zh-CN": "设备 {deviceId} 已登记", en: "The device {deviceId} is already registered" },
  // 12345 hotline rows: the details name the row's field and what it held.
  INVALID_RECORD_ID: {
    "zh-CN": "工单编号不能超过 {max} 个字符",
    en: "The record number must not be longer than {max} characters",
  },
  INVALID_DATE: { "zh-CN": "无法识别的来电时间：{value}", en: "The call time cannot be read: {value}" },
  INVALID_REQUEST_TYPE: {
    "zh-CN": "诉求类型应为 咨询/求助/投诉/举报/建议（收到：{value}）",
    en: "The request type must be 咨询/求助/投诉/举报/建议 (consultation, help, complaint, report, suggestion), not {value}",
  },
  INVALID_URGENCY: {
    "zh-CN": "紧急程度应为 一般 或 紧急（收到：{value}）",
    en: "The urgency must be 一般 (normal) or 紧急 (urgent), not {value}",
  },
  INVALID_FOLLOW_UP: {
    "zh-CN": "是否回访应为 是 或 否（收到：{value}）",
    en: "Follow-up must be 是 (yes) or 否 (no), not {value}",
  },
  AMBIGUOUS_PLACE: {
    "zh-CN": "地址对应多个社区：{communities}，请写明街道",
    en: "The address matches several communities ({communities}): name the street",
  },
  COMMUNITY_REQUIRED: {
    "zh-CN": "只能确定到街道（{streets}），请在事发地址或承办单位中写明社区",
    en: "Only the street is known ({streets}): name the community in the address or the handling unit",
  },
  UNKNOWN_PLACE: {
    "zh-CN": "事发地址和承办单位都对应不到您辖区内的住户、社区或街道",
    en: "Neither the address nor the handling unit matches a household, community or street in your area",
  },
  // Micro-wishes.
  WISH_TAKEN: { "zh-CN": "该心愿已被认领", en: "This wish has already been claimed" },
  OWN_WISH: { "zh-CN": "不能认领自己的心愿", en: "You cannot claim your own wish" },
  NOT_YOUR_UNIT: {
    "zh-CN": "只能以本人或本人所在单位的名义认领",
    en: "Claim for yourself or for the unit you work for",
  },
  NO_HOME_NODE: {
    "zh-CN": "您的账号没有登记所在社区，请联系社区代为登记心愿",
    en: "Your account has no home community; ask the community to enter the wish for you",
  },
  NODE_TOO_HIGH: {
    "zh-CN": "请选择心愿人所在的社区、网格或住户",
    en: "Choose the wisher's community, grid or household",
  },
  // Volunteering (志愿服务): the details carry the field, the current stage or the times.
  NOT_A_VOLUNTEER: { "zh-CN": "请先注册成为志愿者", en: "Register as a volunteer first" },
  ALREADY_REGISTERED: { "zh-CN": "您已经是注册志愿者", en: "You are already registered as a volunteer" },
  ALREADY_MEMBER: { "zh-CN": "已经是该服务队队员", en: "Already a member of this team" },
  NOT_A_MEMBER: { "zh-CN": "不是该服务队队员", en: "Not a member of this team" },
  UNKNOWN_TEAM: { "zh-CN": "找不到该服务队，或不在您的管辖范围内", en: "No such team in your area" },
  UNKNOWN_VOLUNTEER: {
    "zh-CN": "找不到该志愿者，或不在您的管辖范围内",
    en: "No such volunteer in your area",
  },
  ENDS_BEFORE_START: { "zh-CN": "结束时间须晚于开始时间", en: "The end must be after the start" },
  ACTIVITY_TOO_LONG: { "zh-CN": "一次活动最长 7 天，请分成几次发布", en: "An activity lasts at most 7 days" },
  ACTIVITY_IN_PAST: { "zh-CN": "活动已经结束，不能再发布报名", en: "The activity is already over" },
  NOT_AFTER_HOURS: {
    "zh-CN": "在职党员错时服务须在工作日 18:00 以后或周末开展，所填开始时间为 {chinaTime}（北京时间）",
    en: "After-hours service must start after 18:00 on a weekday or at the weekend (China time), not {chinaTime}",
  },
  SLOT_MINUTES_REQUIRED: {
    "zh-CN": "预约服务须填写每个时段的分钟数",
    en: "By appointment needs the minutes per slot",
  },
  SLOTS_UNEVEN: {
    "zh-CN": "活动时长须是每时段 {slotMinutes} 分钟的整数倍",
    en: "The activity's length must be a whole number of {slotMinutes}-minute slots",
  },
  TOO_MANY_SLOTS: {
    "zh-CN": "时段太多（最多 {max} 个），请加长每个时段",
    en: "Too many slots (at most {max}): make each slot longer",
  },
  SLOTS_BY_APPOINTMENT_ONLY: {
    "zh-CN": "只有预约服务才分时段",
    en: "Only activities by appointment have slots",
  },
  SLOT_REQUIRED: { "zh-CN": "请选择预约时段", en: "Choose a slot" },
  UNKNOWN_SLOT: { "zh-CN": "没有这个预约时段", en: "No such slot" },
  SLOT_OVER: { "zh-CN": "该时段已结束，请选择其他时段", en: "This slot is over; choose another" },
  ACTIVITY_CANCELLED: { "zh-CN": "该活动已取消", en: "The activity has been cancelled" },
  ACTIVITY_FINISHED: { "zh-CN": "该活动已结束", en: "The activity is over" },
  ALREADY_SIGNED_UP: { "zh-CN": "您已报名该活动", en: "You have already signed up for this activity" },
  NOT_SIGNED_UP: { "zh-CN": "您没有报名该活动", en: "You have not signed up for this activity" },
  SIGNUP_CANCELLED: { "zh-CN": "该报名已取消", en: "This sign-up was withdrawn" },
  NOT_CONFIRMED: {
    "zh-CN": "候补人员尚未获得名额，不能签到",
    en: "Still on the waiting list: no place to check in to",
  },
  ALREADY_CHECKED_IN: { "zh-CN": "该志愿者已签到", en: "Already checked in" },
  NOT_CHECKED_IN: { "zh-CN": "该志愿者尚未签到，不能签退", en: "Not checked in yet, so not checked out" },
  ALREADY_CHECKED_OUT: { "zh-CN": "该志愿者已签退，无需重复签退", en: "Already checked out" },
  CHECKIN_CODE_INVALID: {
    "zh-CN": "签到码无效：不是本活动的报名二维码，或输入有误",
    en: "Invalid check-in code: not a sign-up of this activity, or mistyped",
  },
  CHECKIN_NOT_OPEN: {
    "zh-CN": "还没到签到时间：开始前 30 分钟起可以签到",
    en: "Check-in opens 30 minutes before the start",
  },
  CHECKIN_CLOSED: {
    "zh-CN": "活动（时段）已结束，不能再签到",
    en: "The activity (slot) is over: check-in is closed",
  },
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

/** A code the catalogue words: the only codes AppError takes, so tsc refuses a code without texts. */
export type MessageCode = keyof typeof MESSAGES;

export type Locale = "zh-CN" | "en";

/** zh-CN unless the client prefers English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}

const textOf = (code: string, locale: Locale): string | undefined =>
  (MESSAGES as Record<string, Record<Locale, string> | undefined>)[code]?.[locale];

/** Whether the catalogue has both texts of a code. */
export const hasMessage = (code: string): boolean => Boolean(textOf(code, "zh-CN") && textOf(code, "en"));

/** The `{placeholder}`s of a code's text, the same in both languages: what its details must hold. */
export const placeholdersOf = (code: string): string[] =>
  [...(textOf(code, "zh-CN") ?? "").matchAll(/\{([\w.]+)\}/g)].map((m) => m[1] as string);

/** The value at `path` in details; one given per language (`{"zh-CN","en"}`) in this language. */
function detail(details: unknown, path: string, locale: Locale): string | undefined {
  let v: unknown = details;
  for (const key of path.split("."))
    v = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  if (v && typeof v === "object" && !Array.isArray(v) && locale in v)
    v = (v as Record<string, unknown>)[locale];
  if (Array.isArray(v)) return v.join(locale === "zh-CN" ? "、" : ", ");
  return v === undefined || v === null || typeof v === "object" ? undefined : String(v);
}

/**
 * The catalogue's text filled from details; the code itself for a code it lacks. A value missing
 * from details leaves its `{placeholder}` showing rather than a sentence that silently says less:
 * messages.test.ts checks every throw site's details, so it cannot happen there.
 */
export function errorMessage(code: string, locale: Locale, details?: unknown): string {
  const text = textOf(code, locale);
  if (!text) return code;
  return text.replace(/\{([\w.]+)\}/g, (whole, path: string) => detail(details, path, locale) ?? whole);
}

/**
 * Error messages people read, by error code: zh-CN first, English second. A code without an
 * entry keeps the message it was thrown with.
 */
const MESSAGES: Record<string, { "zh-CN": string; en: string }> = {
  VALIDATION_FAILED: { "zh-CN": "请求内容不符合要求", en: "The request is not valid" },
  MALFORMED_REQUEST: {
    "zh-CN": "请求格式不正确（网址中的中文等字符须先编码）",
    en: "Malformed HTTP request (characters in the URL must be percent-encoded)",
  },
  HEADERS_TOO_LARGE: { "zh-CN": "请求头过大", en: "The request headers are too large" },
  MALFORMED_JSON: { "zh-CN": "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  UNSUPPORTED_MEDIA_TYPE: { "zh-CN": "不支持的内容类型", en: "Unsupported content type" },
  PAYLOAD_TOO_LARGE: { "zh-CN": "请求内容过大", en: "The request body is too large" },
  MALFORMED_FORM: { "zh-CN": "表单内容不合法", en: "The form body is not valid" },
  MALFORMED_MULTIPART: { "zh-CN": "上传的表单内容不合法", en: "The multipart form is not valid" },
  NO_FILE: { "zh-CN": "请选择要上传的文件", en: "The form has no file" },
  UNSUPPORTED_FILE_TYPE: {
    "zh-CN": "不支持的文件类型，仅支持 JPEG、PNG、WebP、GIF、HEIC/HEIF 图片",
    en: "Unsupported file type: only JPEG, PNG, WebP, GIF and HEIC/HEIF photos are accepted",
  },
  FILE_TOO_LARGE: { "zh-CN": "文件不能超过 10 MB", en: "The file must not be larger than 10 MB" },
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
  FORBIDDEN: { "zh-CN": "您没有权限进行此操作", en: "You are not allowed to do this" },
  CSRF_REJECTED: {
    "zh-CN": "请求来源不被信任，请从本系统页面操作",
    en: "The request did not come from this site",
  },
  INVALID_CREDENTIALS: { "zh-CN": "手机号或密码错误", en: "Wrong phone number or password" },
  TOO_MANY_ATTEMPTS: { "zh-CN": "尝试次数过多，请稍后再试", en: "Too many attempts, please try again later" },
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
  UNKNOWN_CATEGORY: { "zh-CN": "未知的诉求分类", en: "Unknown case category" },
  UNKNOWN_HOUSEHOLD: { "zh-CN": "找不到该住户", en: "No such household" },
  UNKNOWN_DEPARTMENT: { "zh-CN": "找不到该部门", en: "No such department" },
  UNKNOWN_NODE: { "zh-CN": "找不到该网格或社区", en: "No such grid or community" },
  ILLEGAL_TRANSITION: {
    "zh-CN": "当前状态不能执行该操作",
    en: "This action is not possible in the case's current status",
  },
  NOT_YOUR_STEP: { "zh-CN": "这一步不由您办理", en: "This step is not yours to take" },
  MISSING_FIELDS: { "zh-CN": "请填写必填项", en: "Fill in the required fields" },
  DEADLINE_IN_PAST: { "zh-CN": "时限须晚于现在", en: "The deadline must be in the future" },
  MERGE_INTO_SELF: { "zh-CN": "不能合并到本身", en: "A case cannot be merged into itself" },
  MERGE_OTHER_CATEGORY: { "zh-CN": "只能合并同一分类的诉求", en: "Only cases of the same category merge" },
  MASTER_NOT_OPEN: { "zh-CN": "目标诉求已被合并或撤回", en: "The target case is merged or withdrawn" },
  UNKNOWN_MASTER: { "zh-CN": "找不到要合并到的诉求", en: "No such case to merge into" },
  INVALID_PHONE: { "zh-CN": "手机号码无效", en: "Not a valid mobile number" },
  DEVICE_UNAUTHORIZED: {
    "zh-CN": "设备未登记或设备密钥错误",
    en: "Unknown device or wrong device secret",
  },
  DEVICE_EXISTS: { "zh-CN": "该设备编号已登记", en: "This device is already registered" },
  // Spreadsheet exports.
  EXPORT_TOO_LARGE: {
    "zh-CN": "数据太多，一个表格放不下，请缩小筛选范围后再导出",
    en: "Too many rows for one spreadsheet: narrow the filters",
  },
  PURPOSE_REQUIRED: { "zh-CN": "请填写用途（2–200 个字）", en: "State the purpose (2–200 characters)" },
  REVEAL_EXPORT_ONLY: {
    "zh-CN": "完整证件号只能随 Excel 导出提供",
    en: "Full ID numbers come only with the spreadsheet export",
  },
  INTERNAL: { "zh-CN": "服务器内部错误，请稍后再试", en: "Internal error, please try again later" },
};

export type Locale = "zh-CN" | "en";

/** zh-CN unless the client prefers English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}

export function errorMessage(code: string, locale: Locale, fallback: string): string {
  return MESSAGES[code]?.[locale] ?? fallback;
}

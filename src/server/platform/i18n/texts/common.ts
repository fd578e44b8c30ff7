/** Texts of the platform: requests, sign-in, files, imports and the territory. zh-CN first, English second (see messages.ts). */
export const COMMON_TEXTS = {
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
} satisfies Record<string, { "zh-CN": string; en: string }>;

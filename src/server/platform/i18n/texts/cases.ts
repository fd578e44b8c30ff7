/** Texts of cases, the 12345 hotline, wishes and volunteering. zh-CN first, English second (see messages.ts). */
export const CASES_TEXTS = {
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
} satisfies Record<string, { "zh-CN": string; en: string }>;

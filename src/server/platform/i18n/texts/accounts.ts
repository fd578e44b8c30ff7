/** Texts of accounts, roles, passwords, SMS codes and household binding. zh-CN first (see messages.ts). */
export const ACCOUNTS_TEXTS = {
  NODE_NOT_FOUND: { "zh-CN": "所选的区域不存在", en: "The chosen area does not exist" },
  ROLE_LEVEL_MISMATCH: {
    "zh-CN": "“{node}”不是该角色可以绑定的层级（如网格员须绑定到网格、社区工作者须绑定到社区）",
    en: "“{node}” is not a level this role can be bound to (a grid worker to a grid, community staff to a community …)",
  },
  PHONE_TAKEN: {
    "zh-CN": "该手机号已有账号，请在账号列表中找到并编辑它",
    en: "This phone number already has an account: find it in the list and edit it",
  },
  NO_ROLES: { "zh-CN": "请至少为账号设置一个角色", en: "Give the account at least one role" },
  DEPARTMENT_REQUIRED: {
    "zh-CN": "部门人员须选择所属职能部门",
    en: "Department staff need the department they work for",
  },
  NOT_YOURSELF: { "zh-CN": "不能停用自己的账号", en: "You cannot deactivate your own account" },
  PASSWORD_TOO_WEAK: {
    "zh-CN": "密码至少 8 位，并须同时包含字母和数字",
    en: "The password needs at least 8 characters, with both letters and digits",
  },
  PASSWORD_UNCHANGED: {
    "zh-CN": "新密码不能与原密码相同",
    en: "The new password must differ from the old one",
  },
  WRONG_PASSWORD: { "zh-CN": "原密码不正确", en: "The current password is wrong" },
  PASSWORD_CHANGE_REQUIRED: {
    "zh-CN": "这是临时密码，请先修改密码再继续使用",
    en: "This is a temporary password: change it before you go on",
  },
  CODE_INVALID: {
    "zh-CN": "验证码不正确或已过期，请重新获取",
    en: "The code is wrong or has expired: ask for a new one",
  },
  WECHAT_NOT_CONFIGURED: {
    "zh-CN": "本区尚未开通微信登录，请用手机验证码登录",
    en: "WeChat sign-in is not set up here: sign in with an SMS code",
  },
  ACCOUNT_DISABLED: {
    "zh-CN": "该账号已停用，请联系社区或街道",
    en: "This account has been deactivated: contact your community or street office",
  },
  BINDING_PENDING: {
    "zh-CN": "已有一份绑定申请在等待社区确认",
    en: "A binding request is already waiting for the community",
  },
  BINDING_DECIDED: { "zh-CN": "该申请已处理", en: "This request has already been decided" },
  ALREADY_BOUND: { "zh-CN": "您的账号已绑定家庭", en: "Your account is already bound to a household" },
} as const;

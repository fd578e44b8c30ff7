import type { Role } from "../platform/auth/index.ts";

export const DEMO_PASSWORD = "demo12345";

/** CONTRACT.md's nine demo accounts and the unit's contact; `node` names the demo node each is bound to. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  phone: string;
  name: string;
  role: Role;
  node: string;
  label: string;
  /** Department staff: the department (code) they work for. */
  department?: string;
}> = [
  {
    phone: "13800000001",
    name: "王建国",
    role: "districtAdmin",
    node: "district",
    label: "区级管理员（全区）",
  },
  {
    phone: "13800000002",
    name: "李晓燕",
    role: "streetStaff",
    node: "street",
    label: "街道干部（第一街道）",
  },
  {
    phone: "13800000003",
    name: "张丽华",
    role: "communityStaff",
    node: "community",
    label: "社区工作者（第一社区）",
  },
  {
    phone: "13800000004",
    name: "刘志强",
    role: "gridWorker",
    node: "grid",
    label: "网格员（第一社区第一网格）",
  },
  {
    phone: "13800000005",
    name: "陈思远",
    role: "departmentStaff",
    node: "district",
    label: "部门人员（区城管局）",
    department: "urban",
  },
  { phone: "13800000006", name: "赵明亮", role: "partyMember", node: "community", label: "在职党员" },
  { phone: "13800000007", name: "孙秀英", role: "resident", node: "household", label: "居民" },
  { phone: "13800000008", name: "周海涛", role: "propertyStaff", node: "compound", label: "物业企业人员" },
  { phone: "13800000009", name: "吴美玲", role: "merchant", node: "community", label: "商户" },
  // Acts for the in-service member's unit, paired with the first community (demo/generate/engagement.ts).
  { phone: "13800000010", name: "周建国", role: "unitStaff", node: "community", label: "共建单位联络员" },
];

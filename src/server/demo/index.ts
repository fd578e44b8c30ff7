import { countUsers, ensureUser } from "../modules/accounts/index.ts";
import { insertNode, type NewNode, nodeByCode, type TerritoryLevel } from "../modules/territory/index.ts";
import { audited, SYSTEM } from "../platform/audit/index.ts";
import { hashPassword } from "../platform/auth/index.ts";
import type { Db } from "../platform/db/index.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts.ts";

// The skeleton of the demo district: the nodes the nine demo accounts are bound to.
// The territory issue grows it into the full district of CONTRACT.md.
const SKELETON: Array<{ key: string; parent?: string; level: TerritoryLevel; code: string; name: string }> = [
  { key: "district", level: "district", code: "360731", name: "兴安区" },
  { key: "street", parent: "district", level: "street", code: "360731001", name: "潋江街道" },
  { key: "street2", parent: "district", level: "street", code: "360731002", name: "文昌街道" },
  { key: "street3", parent: "district", level: "street", code: "360731003", name: "长冈街道" },
  { key: "community", parent: "street", level: "community", code: "360731001001", name: "红旗社区" },
  { key: "grid", parent: "community", level: "grid", code: "XG-LJ-001", name: "红旗社区第一网格" },
  { key: "compound", parent: "grid", level: "compound", code: "XG-LJ-001-C01", name: "红旗花园小区" },
  { key: "building", parent: "compound", level: "building", code: "XG-LJ-001-C01-B01", name: "1栋" },
  { key: "entrance", parent: "building", level: "entrance", code: "XG-LJ-001-C01-B01-U1", name: "1单元" },
  {
    key: "household",
    parent: "entrance",
    level: "household",
    code: "XG-LJ-001-C01-B01-U1-101",
    name: "101室",
  },
];

export interface DemoResult {
  created: boolean;
  accounts: typeof DEMO_ACCOUNTS;
  password: string;
}

/** Loads the demo district into an empty database; does nothing when users already exist. */
export async function loadDemo(db: Db): Promise<DemoResult> {
  const result = { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD };
  if ((await countUsers(db)) > 0) return { created: false, ...result };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await audited(db, SYSTEM, async (tx, audit) => {
    const ids = new Map<string, string>();
    for (const n of SKELETON) {
      const parentId = n.parent ? ids.get(n.parent) : undefined;
      const node: NewNode = { parentId: parentId ?? null, level: n.level, code: n.code, name: n.name };
      const existing = await nodeByCode(tx, n.code);
      ids.set(n.key, existing?.id ?? (await insertNode(tx, node)).id);
    }
    for (const a of DEMO_ACCOUNTS) {
      const nodeId = ids.get(a.node);
      if (!nodeId) throw new Error(`demo node ${a.node} missing`);
      await ensureUser(tx, { phone: a.phone, name: a.name, passwordHash, roles: [{ role: a.role, nodeId }] });
    }
    await audit({ action: "demo.load", entity: "district", entityId: ids.get("district") });
  });
  return { created: true, ...result };
}

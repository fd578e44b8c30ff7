import type { Config } from "./config.ts";
import { ConfigError } from "./config.ts";
import { loadDemo, type Progress } from "./demo/index.ts";
import { countUsers, ensureUser } from "./modules/accounts/index.ts";
import { MODULES } from "./modules/index.ts";
import { insertNode, nodeByCode } from "./modules/territory/index.ts";
import { audited, SYSTEM } from "./platform/audit/index.ts";
import type { Db } from "./platform/db/index.ts";
import type { Module } from "./platform/module/index.ts";
import { isValidMobile, type PiiVault } from "./platform/pii/index.ts";

/**
 * What a database gets at start: every module's first data; then, when empty, the demo district
 * (DEMO=1), or for DEMO=0 one district and its first administrator from ADMIN_PHONE /
 * ADMIN_PASSWORD. Returns lines to print.
 */
export async function bootstrap(
  db: Db,
  config: Config,
  pii: PiiVault,
  { modules = MODULES, progress }: { modules?: readonly Module[]; progress?: Progress } = {},
): Promise<string[]> {
  for (const m of modules) await m.firstData?.(db);
  if (config.demo) {
    const demo = await loadDemo(db, pii, progress, config.demoSize);
    if (!demo.created) return [];
    return [
      `演示数据已载入 · Demo district loaded. Accounts (password ${demo.password}):`,
      ...demo.accounts.map((a) => `  ${a.phone}  ${a.role.padEnd(16)} ${a.label}`),
    ];
  }
  if ((await countUsers(db)) > 0) return [];
  const { adminPhone, adminPassword } = config;
  if (!adminPhone || !adminPassword) {
    throw new ConfigError(
      "DEMO=0 starts with an empty database: set ADMIN_PHONE and ADMIN_PASSWORD to create the first district administrator.",
    );
  }
  if (!isValidMobile(adminPhone))
    throw new ConfigError(`ADMIN_PHONE must be a mainland mobile number, not "${adminPhone}"`);
  if (adminPassword.length < 8) throw new ConfigError("ADMIN_PASSWORD must have at least 8 characters");
  await audited(db, SYSTEM, async (tx, audit) => {
    const district =
      (await nodeByCode(tx, config.districtCode)) ??
      (await insertNode(tx, {
        parentId: null,
        level: "district",
        code: config.districtCode,
        name: config.districtName,
      }));
    const admin = await ensureUser(tx, {
      phone: adminPhone,
      name: "区级管理员",
      password: adminPassword,
      roles: [{ role: "districtAdmin", nodeId: district.id }],
    });
    await audit({
      action: "bootstrap.admin",
      entity: "user",
      entityId: admin.id,
      after: { districtId: district.id },
    });
  });
  return [`District administrator ${adminPhone} created for ${config.districtName}.`];
}

import { and, eq, inArray } from "drizzle-orm";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Executor } from "../../../platform/db/index.ts";
import { maskName } from "../../../platform/pii/index.ts";
import { memberByPhone, membersByIds, residentByPhone, residentsByIds } from "../../people/index.ts";
import { merchantByPhone, merchantsByIds } from "../../places/index.ts";
import type { Audience } from "../rules/tables.ts";
import { pointAccounts } from "./tables.ts";

/** Someone who holds points: the resident, party member or shop, and his account once opened. */
export interface Holder {
  audience: Audience;
  holderId: string;
  name: string;
  territoryPath: string;
  /** Null until his first posting opens it. */
  accountId: string | null;
  balance: number;
}

/**
 * The caller's points holders, found by his account's phone as every module finds them: as a
 * resident (睦邻积分), a party member (先锋积分) and a shop owner (商铺积分) — any of them, or none.
 */
export async function callerHolders(executor: Executor, principal: Principal): Promise<Holder[]> {
  const [resident, member, merchant] = await Promise.all([
    residentByPhone(executor, principal.phone),
    memberByPhone(executor, principal.phone),
    merchantByPhone(executor, principal.phone),
  ]);
  const found: Array<Omit<Holder, "accountId" | "balance">> = [];
  if (member)
    found.push({
      audience: "member",
      holderId: member.id,
      name: member.name,
      territoryPath: member.territoryPath,
    });
  if (resident)
    found.push({
      audience: "resident",
      holderId: resident.id,
      name: resident.name,
      territoryPath: resident.territoryPath,
    });
  if (merchant)
    found.push({
      audience: "merchant",
      holderId: merchant.id,
      name: merchant.name,
      territoryPath: merchant.territoryPath,
    });
  const accounts = await accountsOfHolders(
    executor,
    found.map((h) => h.holderId),
  );
  return found.map((h) => {
    const a = accounts.get(`${h.audience}:${h.holderId}`);
    return { ...h, accountId: a?.id ?? null, balance: a?.balance ?? 0 };
  });
}

/** The holder accounts of these holders that exist, by `audience:holderId`. */
export async function accountsOfHolders(
  executor: Executor,
  holderIds: readonly string[],
): Promise<Map<string, { id: string; balance: number }>> {
  const rows =
    holderIds.length === 0
      ? []
      : await executor
          .select({
            id: pointAccounts.id,
            audience: pointAccounts.audience,
            holderId: pointAccounts.holderId,
            balance: pointAccounts.balance,
          })
          .from(pointAccounts)
          .where(and(eq(pointAccounts.kind, "holder"), inArray(pointAccounts.holderId, [...holderIds])));
  return new Map(rows.map((r) => [`${r.audience}:${r.holderId}`, { id: r.id, balance: r.balance }]));
}

/**
 * Holders' names by id for an audience: whole for staff lists, masked (孙**) where `masked` — on a
 * public wall, a ranking or a merchant's screen.
 */
export async function holderNames(
  executor: Executor,
  audience: Audience,
  ids: readonly string[],
  masked = false,
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const rows =
    audience === "merchant"
      ? await merchantsByIds(executor, unique)
      : audience === "member"
        ? await membersByIds(executor, unique)
        : await residentsByIds(executor, unique);
  // Shops are named in full: a shop's name is not personal data.
  const show = (name: string) => (masked && audience !== "merchant" ? maskName(name) : name);
  return new Map(rows.map((r) => [r.id, show(r.name)]));
}

import { type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Executor } from "../../../platform/db/index.ts";
import { notFound } from "../../../platform/errors.ts";
import { usersByPhones } from "../../accounts/index.ts";
import { membersByIds, residentPhones, residentsByIds } from "../../people/index.ts";
import { merchantPhones, merchantsByIds } from "../../places/index.ts";
import type { Audience } from "../rules/tables.ts";

export interface ClaimHolder {
  audience: Audience;
  holderId: string;
  name: string;
  territoryPath: string;
}

/** A resident, member or shop by id, if he lives (or trades) in the caller's points.manage scope. */
export async function holderInScope(
  executor: Executor,
  principal: Principal,
  audience: Audience,
  holderId: string,
): Promise<ClaimHolder> {
  const [row] =
    audience === "merchant"
      ? await merchantsByIds(executor, [holderId])
      : audience === "member"
        ? await membersByIds(executor, [holderId])
        : await residentsByIds(executor, [holderId]);
  const paths = scopePaths(principal, "points.manage");
  if (!row || !paths.some((p) => row.territoryPath.startsWith(p))) throw notFound("holder", holderId);
  return { audience, holderId, name: row.name, territoryPath: row.territoryPath };
}

/**
 * The account (user) of a holder, found by phone as every module finds him: a member by his
 * resident row's phone, a shop by its owner's. Null when he has no account to be told in.
 */
export async function holderUserId(
  executor: Executor,
  audience: Audience,
  holderId: string,
): Promise<string | null> {
  let phone: string | undefined;
  if (audience === "merchant") phone = (await merchantPhones(executor, [holderId])).get(holderId);
  else {
    const residentId =
      audience === "member" ? (await membersByIds(executor, [holderId]))[0]?.residentId : holderId;
    if (residentId) phone = (await residentPhones(executor, [residentId])).get(residentId);
  }
  if (!phone) return null;
  return (await usersByPhones(executor, [phone])).get(phone) ?? null;
}

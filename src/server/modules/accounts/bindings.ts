import { and, desc, eq, sql } from "drizzle-orm";
import { isValidIdNumber, normalizeIdNumber } from "../../../shared/validators.ts";
import { type Actor, audited } from "../../platform/audit/audit.ts";
import { inScope, type Principal, scopePaths } from "../../platform/auth/index.ts";
import type { Db, Tx } from "../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import { notify } from "../../platform/notify/index.ts";
import { maskPhone, type PiiVault } from "../../platform/pii/index.ts";
import { householdOfResident, householdPlace } from "../people/index.ts";
import { nodesByIds } from "../territory/index.ts";
import { forgetUser } from "./principals.ts";
import { householdBindings, roleAssignments, users } from "./tables.ts";

export interface BindingRequest {
  name: string;
  idNumber?: string;
  /** His community, for the request when the register does not confirm him at once. */
  communityId: string;
  address?: string;
}

async function bind(tx: Tx, userId: string, name: string, householdNodeId: string) {
  await tx.update(users).set({ name }).where(eq(users.id, userId));
  await tx
    .insert(roleAssignments)
    .values({ userId, role: "resident", nodeId: householdNodeId })
    .onConflictDoNothing();
}

/**
 * A resident asks to be bound to his household. With a name and 身份证 number matching the
 * register he is bound at once; otherwise (whatever the reason, so nobody learns whether a number
 * is registered) his community is asked to confirm.
 */
export async function requestBinding(
  db: Db,
  vault: PiiVault,
  principal: Principal,
  actor: Actor,
  input: BindingRequest,
) {
  if (principal.roles.some((r) => r.role === "resident")) throw conflict("ALREADY_BOUND");
  const name = input.name.trim();
  const idNumber = input.idNumber ? normalizeIdNumber(input.idNumber) : undefined;
  if (idNumber !== undefined && !isValidIdNumber(idNumber))
    throw unprocessable("INVALID_ID_NUMBER", { field: "idNumber" });
  const [community] = await nodesByIds(db, [input.communityId]);
  if (community?.level !== "community") throw unprocessable("NODE_NOT_FOUND", { nodeId: input.communityId });
  const match = idNumber ? await householdOfResident(db, vault, { name, idNumber }) : undefined;
  const done = await audited(db, actor, async (tx, audit) => {
    const [open] = await tx
      .select({ id: householdBindings.id })
      .from(householdBindings)
      .where(and(eq(householdBindings.userId, principal.userId), eq(householdBindings.status, "pending")));
    if (open && !match) throw conflict("BINDING_PENDING");
    const values = {
      householdId: match?.householdId ?? null,
      territoryPath: match?.territoryPath ?? community.path,
      name,
      address: input.address?.trim() ?? "",
      status: match ? ("confirmed" as const) : ("pending" as const),
      decidedAt: match ? new Date() : null,
    };
    // A match while his request waits settles that request, rather than leaving it for the community.
    const [row] = open
      ? await tx.update(householdBindings).set(values).where(eq(householdBindings.id, open.id)).returning()
      : await tx
          .insert(householdBindings)
          .values({ userId: principal.userId, ...values })
          .returning();
    if (!row) throw new Error("insert returned nothing");
    if (match) await bind(tx, principal.userId, name, match.nodeId);
    await audit({
      action: match ? "accounts.bind_matched" : "accounts.bind_request",
      entity: "household_binding",
      entityId: row.id,
      after: { communityId: community.id },
    });
    return { id: row.id, status: row.status };
  });
  if (match) await forgetUser(db, principal.userId);
  return done;
}

/** His latest request, for the 我的 page. */
export async function myBinding(db: Db, principal: Principal) {
  const [row] = await db
    .select()
    .from(householdBindings)
    .where(eq(householdBindings.userId, principal.userId))
    .orderBy(desc(householdBindings.createdAt))
    .limit(1);
  if (!row) return { binding: null };
  return {
    binding: {
      id: row.id,
      status: row.status,
      name: row.name,
      address: row.address,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
    },
  };
}

// The community confirms: the accounts permission over the request's community (or household).
const inScopeOf = (principal: Principal) =>
  inScope(principal, "accounts.manage", householdBindings.territoryPath);

/** The requests in the caller's communities, oldest first. */
export async function listBindings(
  db: Db,
  principal: Principal,
  f: Paging & { status?: "pending" | "confirmed" | "rejected" },
) {
  const where = and(inScopeOf(principal), eq(householdBindings.status, f.status ?? "pending"));
  const { limit, offset } = pageWindow(f);
  const rows = await db
    .select({ b: householdBindings, phone: users.phone })
    .from(householdBindings)
    .innerJoin(users, eq(users.id, householdBindings.userId))
    .where(where)
    .orderBy(householdBindings.createdAt, householdBindings.id)
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(householdBindings).where(where);
  const communities = await nodesByIds(
    db,
    [...new Set(rows.map((r) => r.b.territoryPath.split("/").filter(Boolean).at(-1) ?? ""))].filter(Boolean),
  );
  const nameOf = new Map(communities.map((n) => [n.path, n.name]));
  return {
    items: rows.map(({ b, phone }) => ({
      id: b.id,
      name: b.name,
      phone: maskPhone(phone) ?? "",
      address: b.address,
      community: nameOf.get(b.territoryPath) ?? "",
      status: b.status,
      reason: b.reason,
      createdAt: b.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

/** The community confirms (to a household in its scope) or turns down a request; he is told. */
export async function decideBinding(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  decision: { householdId: string } | { reason: string },
) {
  const userId = await audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(householdBindings)
      .where(and(eq(householdBindings.id, id), inScopeOf(principal)))
      .for("update");
    if (!row) throw notFound("household_binding", id);
    if (row.status !== "pending") throw conflict("BINDING_DECIDED");
    const confirmed = "householdId" in decision;
    if (confirmed) {
      const household = await householdPlace(tx, decision.householdId);
      const roots = scopePaths(principal, "accounts.manage");
      if (!household || !roots.some((root) => household.territoryPath.startsWith(root)))
        throw notFound("household", decision.householdId);
      await bind(tx, row.userId, row.name, household.nodeId);
    }
    await tx
      .update(householdBindings)
      .set({
        status: confirmed ? "confirmed" : "rejected",
        householdId: confirmed ? decision.householdId : null,
        reason: confirmed ? null : decision.reason,
        decidedAt: new Date(),
        decidedBy: principal.userId,
      })
      .where(eq(householdBindings.id, id));
    await notify(tx, [
      {
        userId: row.userId,
        kind: confirmed ? "binding.confirmed" : "binding.rejected",
        title: confirmed ? "家庭绑定已确认" : "家庭绑定未通过",
        body: confirmed
          ? "社区已确认您的家庭，现在可以查看和办理家庭相关事项。"
          : `社区说明：${"reason" in decision ? decision.reason : ""}`,
        entity: "household_binding",
        entityId: id,
        link: confirmed ? "/mobile/family" : "/mobile/me",
      },
    ]);
    await audit({
      action: confirmed ? "accounts.bind_confirm" : "accounts.bind_reject",
      entity: "household_binding",
      entityId: id,
      after: confirmed ? { householdId: decision.householdId } : { reason: decision.reason },
    });
    return row.userId;
  });
  await forgetUser(db, userId);
}

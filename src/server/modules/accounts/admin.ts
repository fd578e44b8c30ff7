import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/audit.ts";
import {
  hashPassword,
  type Principal,
  type Role,
  roleGrants,
  scopePaths,
} from "../../platform/auth/index.ts";
import type { Db, Tx } from "../../platform/db/index.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/errors.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import type { Hooks } from "../../platform/module/index.ts";
import { maskPhone } from "../../platform/pii/index.ts";
import { nodeIdsUnder, nodesByIds } from "../territory/index.ts";
import { assertMayGrant, type Grant, mayGrant, resolveGrants } from "./grants.ts";
import { assertStrongPassword } from "./passwords.ts";
import { forgetCredentials, forgetUser, sessionKey } from "./principals.ts";
import { apiTokens, roleAssignments, sessions, users } from "./tables.ts";
import { forgetTokens, revokeWithDescendants } from "./tokens.ts";

declare module "../../platform/module/index.ts" {
  interface Hooks {
    /** Binds a department-staff account to its department (cases keeps who works where). */
    assignDepartment(tx: Tx, userId: string, departmentId: string | null): Promise<void>;
    /** Binds a unit-staff account to the unit it acts for (engagement keeps who acts for which unit). */
    assignUnit(tx: Tx, userId: string, unitId: string | null): Promise<void>;
  }
}

export interface AccountInput {
  phone: string;
  name: string;
  password?: string;
  roles: Grant[];
  departmentId?: string;
  unitId?: string;
}

/** Ends every session (but `keep`) and token of a user at once (deactivation, a password reset). */
export async function endCredentials(tx: Tx, userId: string, keep?: string) {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keep ? ne(sessions.idHash, keep) : undefined))
    .returning({ idHash: sessions.idHash });
  const revoked = await revokeWithDescendants(tx, eq(apiTokens.userId, userId));
  // Called after the commit, so a request in between cannot cache the ended credential again.
  return () => {
    forgetCredentials(ended.map((s) => sessionKey(s.idHash)));
    forgetTokens(revoked);
  };
}

async function assertDepartment(
  hooks: Partial<Hooks>,
  tx: Tx,
  userId: string,
  input: Pick<AccountInput, "roles" | "departmentId">,
) {
  const needs = input.roles.some((r) => r.role === "departmentStaff");
  if (needs && !input.departmentId) throw unprocessable("DEPARTMENT_REQUIRED");
  await hooks.assignDepartment?.(tx, userId, needs ? (input.departmentId ?? null) : null);
}

async function assertUnit(
  hooks: Partial<Hooks>,
  tx: Tx,
  userId: string,
  input: Pick<AccountInput, "roles" | "unitId">,
  /** Unit staff already: without a unitId his unit stays. */
  had = false,
) {
  const needs = input.roles.some((r) => r.role === "unitStaff");
  if (needs && !input.unitId && had) return;
  if (needs && !input.unitId) throw unprocessable("UNIT_REQUIRED", { field: "unitId" });
  await hooks.assignUnit?.(tx, userId, needs ? (input.unitId ?? null) : null);
}

export async function createAccount(
  db: Db,
  hooks: Partial<Hooks>,
  granter: Principal,
  actor: Actor,
  input: AccountInput,
) {
  if (input.roles.length === 0) throw unprocessable("NO_ROLES");
  if (input.password !== undefined) assertStrongPassword(input.password);
  const grants = await resolveGrants(db, input.roles);
  assertMayGrant(granter, grants);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return audited(db, actor, async (tx, audit) => {
    const [user] = await tx
      .insert(users)
      .values({
        phone: input.phone,
        name: input.name.trim(),
        passwordHash,
        mustChangePassword: passwordHash !== null,
      })
      .onConflictDoNothing({ target: users.phone })
      .returning({ id: users.id });
    if (!user) throw conflict("PHONE_TAKEN");
    await tx
      .insert(roleAssignments)
      .values(grants.map((g) => ({ userId: user.id, role: g.role, nodeId: g.nodeId })));
    await assertDepartment(hooks, tx, user.id, input);
    await assertUnit(hooks, tx, user.id, input);
    await audit({
      action: "accounts.create",
      entity: "user",
      entityId: user.id,
      after: {
        name: input.name,
        phone: maskPhone(input.phone),
        roles: input.roles,
        temporaryPassword: passwordHash !== null,
      },
    });
    return { id: user.id };
  });
}

/** The user's grants with their nodes, refusing (404) one the caller may not administer wholly. */
async function administrable(tx: Tx, granter: Principal, id: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  if (!user) throw notFound("user", id);
  const current = await tx.select().from(roleAssignments).where(eq(roleAssignments.userId, id));
  const grants = await resolveGrants(
    tx,
    current.map((r) => ({ role: r.role, nodeId: r.nodeId })),
  );
  // A user without roles (a resident not yet bound) belongs to whoever runs the whole district.
  const allowed =
    grants.length > 0
      ? grants.every((g) => mayGrant(granter, g.role, g.nodePath))
      : granter.roles.some((r) => r.nodeLevel === "district" && roleGrants(r.role, "accounts.manage"));
  if (!allowed) throw notFound("user", id);
  return { user, grants };
}

export interface AccountPatch {
  name?: string;
  roles?: Grant[];
  active?: boolean;
  departmentId?: string;
  unitId?: string;
}

export async function updateAccount(
  db: Db,
  hooks: Partial<Hooks>,
  granter: Principal,
  actor: Actor,
  id: string,
  patch: AccountPatch,
) {
  if (patch.active === false && id === granter.userId) throw unprocessable("NOT_YOURSELF");
  if (patch.roles?.length === 0) throw unprocessable("NO_ROLES");
  const next = patch.roles ? await resolveGrants(db, patch.roles) : undefined;
  if (next) assertMayGrant(granter, next);
  let forget = () => {};
  await audited(db, actor, async (tx, audit) => {
    const { user, grants } = await administrable(tx, granter, id);
    const before = {
      name: user.name,
      active: !user.disabled,
      roles: grants.map(({ role, nodeId }) => ({ role, nodeId })),
    };
    if (patch.name !== undefined || patch.active !== undefined) {
      await tx
        .update(users)
        .set({
          name: patch.name?.trim() ?? user.name,
          disabled: patch.active === undefined ? user.disabled : !patch.active,
        })
        .where(eq(users.id, id));
    }
    if (next) {
      await tx.delete(roleAssignments).where(eq(roleAssignments.userId, id));
      await tx
        .insert(roleAssignments)
        .values(next.map((g) => ({ userId: id, role: g.role, nodeId: g.nodeId })));
      await assertDepartment(hooks, tx, id, { roles: next, departmentId: patch.departmentId });
      const had = grants.some((g) => g.role === "unitStaff");
      await assertUnit(hooks, tx, id, { roles: next, unitId: patch.unitId }, had);
    } else if (patch.unitId && grants.some((g) => g.role === "unitStaff"))
      // Another unit for the same roles.
      await hooks.assignUnit?.(tx, id, patch.unitId);
    // Deactivation and a change of roles end what the old rights opened.
    if (patch.active === false || next) forget = await endCredentials(tx, id);
    const action =
      patch.active === false && !user.disabled
        ? "accounts.deactivate"
        : patch.active === true && user.disabled
          ? "accounts.reactivate"
          : "accounts.update";
    await audit({
      action,
      entity: "user",
      entityId: id,
      before,
      after: {
        name: patch.name ?? user.name,
        active: patch.active ?? !user.disabled,
        roles: patch.roles ?? before.roles,
      },
    });
  });
  forget();
  await forgetUser(db, id);
}

/** A temporary password set by staff: his sessions end, and he must change it when he signs in. */
export async function resetPassword(db: Db, granter: Principal, actor: Actor, id: string, password: string) {
  assertStrongPassword(password);
  const passwordHash = await hashPassword(password);
  let forget = () => {};
  await audited(db, actor, async (tx, audit) => {
    await administrable(tx, granter, id);
    await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id));
    forget = await endCredentials(tx, id);
    await audit({ action: "accounts.reset_password", entity: "user", entityId: id });
  });
  forget();
}

export interface AccountFilter extends Paging {
  q?: string;
  role?: Role;
  active?: boolean;
}

/** The accounts with a role in the caller's scope; phones masked (the list is read over shoulders). */
export async function listAccounts(db: Db, granter: Principal, f: AccountFilter) {
  const roots = scopePaths(granter, "accounts.manage");
  if (roots.length === 0) throw forbidden();
  const inScope = sql`exists (select 1 from ${roleAssignments} ra
    where ra.user_id = ${users.id} and ra.node_id in ${nodeIdsUnder(roots)}${f.role ? sql` and ra.role = ${f.role}` : sql``})`;
  const conditions: Array<SQL | undefined> = [inScope];
  if (f.q?.trim()) {
    const q = f.q.trim();
    conditions.push(or(ilike(users.name, `%${q.replace(/[%_\\]/g, "\\$&")}%`), eq(users.phone, q)));
  }
  if (f.active !== undefined) conditions.push(eq(users.disabled, !f.active));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.name), asc(users.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  const grants =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(roleAssignments)
          .where(
            inArray(
              roleAssignments.userId,
              rows.map((r) => r.id),
            ),
          );
  const nodes = new Map(
    (await nodesByIds(db, [...new Set(grants.map((g) => g.nodeId))])).map((n) => [n.id, n]),
  );
  return {
    items: rows.map((u) => ({
      id: u.id,
      name: u.name,
      phone: maskPhone(u.phone) ?? "",
      active: !u.disabled,
      mustChangePassword: u.mustChangePassword,
      createdAt: u.createdAt.toISOString(),
      roles: grants
        .filter((g) => g.userId === u.id)
        .map((g) => {
          const node = nodes.get(g.nodeId);
          return { role: g.role, nodeId: g.nodeId, nodeName: node?.name ?? "", nodeLevel: node?.level ?? "" };
        }),
    })),
    total: total?.n ?? 0,
  };
}

import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Actor } from "../../platform/audit/audit.ts";
import { audited } from "../../platform/audit/audit.ts";
import {
  type Credentials,
  hashPassword,
  newSecret,
  type Principal,
  type Role,
  sha256,
  verifyPassword,
} from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { nodesByIds } from "../territory/index.ts";
import { enforceLoginLimits, recordLoginFailure } from "./limits.ts";
import { apiTokens, roleAssignments, sessions, users } from "./tables.ts";

const SESSION_DAYS = 7;
const TOKEN_PREFIX = "gg_";

export interface UserView {
  id: string;
  phone: string;
  name: string;
  roles: Array<{ role: Role; nodeId: string; nodeName: string; nodeCode: string; nodeLevel: string }>;
}

export const presentUser = (p: Principal): UserView => ({
  id: p.userId,
  phone: p.phone,
  name: p.name,
  roles: p.roles.map(({ role, nodeId, nodeName, nodeCode, nodeLevel }) => ({
    role,
    nodeId,
    nodeName,
    nodeCode,
    nodeLevel,
  })),
});

/** Builds the principal of a user: the user row plus each role with its node's path. */
async function principalOf(
  executor: Executor,
  userId: string,
  via: Principal["via"],
  credentialId: string,
): Promise<Principal | null> {
  const rows = await executor
    .select({
      phone: users.phone,
      name: users.name,
      role: roleAssignments.role,
      nodeId: roleAssignments.nodeId,
    })
    .from(users)
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  const first = rows[0];
  if (!first) return null;
  const nodes = await nodesByIds(
    executor,
    rows.flatMap((r) => (r.nodeId ? [r.nodeId] : [])),
  );
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roles = rows.flatMap((r) => {
    const node = r.nodeId ? byId.get(r.nodeId) : undefined;
    if (!r.role || !node) return [];
    return [
      {
        role: r.role,
        nodeId: node.id,
        nodePath: node.path,
        nodeName: node.name,
        nodeCode: node.code,
        nodeLevel: node.level,
      },
    ];
  });
  return { userId, phone: first.phone, name: first.name, roles, via, credentialId };
}

/** Resolves a session secret or a bearer token to its principal; null when none is valid. */
export async function resolvePrincipal(db: Db, credentials: Credentials): Promise<Principal | null> {
  if (credentials.bearer) {
    const hash = sha256(credentials.bearer);
    const [token] = await db
      .select({ id: apiTokens.id, userId: apiTokens.userId })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.tokenHash, hash),
          isNull(apiTokens.revokedAt),
          sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())`,
        ),
      );
    if (!token) return null;
    // Usage time, at most once a minute: a read must not become a write per request.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiTokens.id, token.id),
          sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`,
        ),
      );
    return principalOf(db, token.userId, "token", token.id);
  }
  if (!credentials.sessionSecret) return null;
  const hash = sha256(credentials.sessionSecret);
  const [session] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.idHash, hash), gt(sessions.expiresAt, new Date())));
  return session ? principalOf(db, session.userId, "session", hash) : null;
}

// Verifying against a fixed hash when the phone is unknown keeps both answers equally slow.
const decoy = hashPassword("decoy password");

export async function login(
  db: Db,
  input: { phone: string; password: string; ip: string; userAgent?: string },
): Promise<{ secret: string; user: UserView; expiresAt: Date }> {
  await enforceLoginLimits(db, input.phone, input.ip);
  const [user] = await db.select().from(users).where(eq(users.phone, input.phone));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoy));
  if (!user?.passwordHash || !ok || user.disabled) {
    await recordLoginFailure(db, input.phone, input.ip, user?.id ?? null);
    throw new AppError("INVALID_CREDENTIALS", 401, "Wrong phone number or password");
  }
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  const actor: Actor = { userId: user.id, name: user.name, ip: input.ip };
  const principal = await audited(db, actor, async (tx, audit) => {
    await tx.insert(sessions).values({
      idHash: sha256(secret),
      userId: user.id,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
    });
    await audit({ action: "auth.login", entity: "user", entityId: user.id });
    return principalOf(tx, user.id, "session", sha256(secret));
  });
  if (!principal) throw new AppError("INVALID_CREDENTIALS", 401, "Wrong phone number or password");
  return { secret, user: presentUser(principal), expiresAt };
}

export function logout(db: Db, principal: Principal, actor: Actor) {
  return audited(db, actor, async (tx, audit) => {
    if (principal.via === "session")
      await tx.delete(sessions).where(eq(sessions.idHash, principal.credentialId));
    await audit({ action: "auth.logout", entity: "user", entityId: principal.userId });
  });
}

const presentToken = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export function createToken(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { name: string; expiresInDays?: number },
) {
  return audited(db, actor, async (tx, audit) => {
    const token = TOKEN_PREFIX + newSecret();
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: principal.userId,
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, 10),
        expiresAt,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    const view = presentToken(row);
    await audit({ action: "token.create", entity: "api_token", entityId: row.id, after: view });
    return { ...view, token };
  });
}

export async function listTokens(db: Db, principal: Principal) {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, principal.userId))
    .orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(presentToken), total: rows.length };
}

export function revokeToken(db: Db, principal: Principal, actor: Actor, id: string) {
  return audited(db, actor, async (tx, audit) => {
    const [before] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, principal.userId)));
    if (!before) throw notFound("token", id);
    if (before.revokedAt) return presentToken(before);
    const [after] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, id))
      .returning();
    if (!after) throw notFound("token", id);
    await audit({
      action: "token.revoke",
      entity: "api_token",
      entityId: id,
      before: presentToken(before),
      after: presentToken(after),
    });
    return presentToken(after);
  });
}

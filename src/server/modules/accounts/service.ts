import { and, desc, eq } from "drizzle-orm";
import type { Actor } from "../../platform/audit/audit.ts";
import { audited } from "../../platform/audit/audit.ts";
import {
  hashPassword,
  newSecret,
  type Principal,
  type Role,
  sha256,
  verifyPassword,
} from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { enforceLoginLimits, recordLoginFailure } from "./limits.ts";
import { forgetCredential, principalOf, sessionKey, tokenKey } from "./principals.ts";
import { apiTokens, sessions, users } from "./tables.ts";

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

export async function logout(db: Db, principal: Principal, actor: Actor): Promise<void> {
  await audited(db, actor, async (tx, audit) => {
    if (principal.via === "session")
      await tx.delete(sessions).where(eq(sessions.idHash, principal.credentialId));
    await audit({ action: "auth.logout", entity: "user", entityId: principal.userId });
  });
  // After the commit: a request in between would otherwise cache the session again.
  if (principal.via === "session") forgetCredential(sessionKey(principal.credentialId));
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

export async function revokeToken(db: Db, principal: Principal, actor: Actor, id: string) {
  const { view, tokenHash } = await audited(db, actor, async (tx, audit) => {
    const [before] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, principal.userId)));
    if (!before) throw notFound("token", id);
    if (before.revokedAt) return { view: presentToken(before), tokenHash: before.tokenHash };
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
    return { view: presentToken(after), tokenHash: after.tokenHash };
  });
  forgetCredential(tokenKey(tokenHash));
  return view;
}

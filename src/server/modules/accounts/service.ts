import { eq } from "drizzle-orm";
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
import { AppError } from "../../platform/errors.ts";
import { recordLoginFailure, reserveLoginAttempt, withdrawLoginAttempt } from "./limits.ts";
import { forgetCredentials, principalOf, sessionKey } from "./principals.ts";
import { apiTokens, sessions, users } from "./tables.ts";
import { forgetTokens, revokeWithDescendants } from "./tokens.ts";

const SESSION_DAYS = 7;

export interface UserView {
  id: string;
  phone: string;
  name: string;
  /** A temporary password: the pages ask for a new one before anything else. */
  mustChangePassword: boolean;
  roles: Array<{ role: Role; nodeId: string; nodeName: string; nodeCode: string; nodeLevel: string }>;
}

export const presentUser = (p: Principal): UserView => ({
  id: p.userId,
  phone: p.phone,
  name: p.name,
  mustChangePassword: p.mustChangePassword ?? false,
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
  const attempt = await reserveLoginAttempt(db, input.phone, input.ip);
  const [user] = await db.select().from(users).where(eq(users.phone, input.phone));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoy));
  if (!user?.passwordHash || !ok || user.disabled) {
    await recordLoginFailure(db, attempt, input.phone, input.ip, user?.id ?? null);
    throw new AppError("INVALID_CREDENTIALS", 401);
  }
  return openSession(db, user, { ip: input.ip, userAgent: input.userAgent, method: "password", attempt });
}

/** Starts a session for a user who proved who he is (password or SMS code), audited. */
export async function openSession(
  db: Db,
  user: { id: string; name: string },
  input: { ip: string; userAgent?: string; method: "password" | "sms" | "wechat"; attempt?: number },
): Promise<{ secret: string; user: UserView; expiresAt: Date }> {
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
    if (input.attempt !== undefined) await withdrawLoginAttempt(tx, input.attempt);
    await audit({
      action: "auth.login",
      entity: "user",
      entityId: user.id,
      after: input.method === "password" ? undefined : { method: input.method },
    });
    return principalOf(tx, user.id, "session", sha256(secret));
  });
  if (!principal) throw new AppError("INVALID_CREDENTIALS", 401);
  return { secret, user: presentUser(principal), expiresAt };
}

/**
 * Ends the caller's session, or with a bearer token that token; and every token made with it,
 * generation by generation.
 */
export async function logout(db: Db, principal: Principal, actor: Actor): Promise<void> {
  const { credentialId } = principal;
  const revoked = await audited(db, actor, async (tx, audit) => {
    if (principal.via === "session") await tx.delete(sessions).where(eq(sessions.idHash, credentialId));
    const revoked = await revokeWithDescendants(
      tx,
      principal.via === "session"
        ? eq(apiTokens.parentSessionHash, credentialId)
        : eq(apiTokens.id, credentialId),
    );
    await audit({
      action: "auth.logout",
      entity: "user",
      entityId: principal.userId,
      after: revoked.length > 0 ? { revokedTokens: revoked.map((r) => r.id) } : undefined,
    });
    return revoked;
  });
  // After the commit: a request in between would otherwise cache the session again.
  if (principal.via === "session") forgetCredentials([sessionKey(credentialId)]);
  forgetTokens(revoked);
}

import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type Credentials, type Principal, sha256, TOKEN_SCOPES } from "../../platform/auth/index.ts";
import { processCache } from "../../platform/caches.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { nodesByIds } from "../territory/index.ts";
import { apiTokens, roleAssignments, sessions, users } from "./tables.ts";

/**
 * Resolved principals are kept for a few seconds: every request needs one, and building it costs
 * three queries. Logout and revocation in this process take effect at once; in another process
 * of the same deployment (several behind a load balancer), and for role changes, within the TTL.
 */
export const PRINCIPAL_TTL_MS = 5_000;
// A principal being built is shared by the requests that ask for it meanwhile (`fetch`).
const cache = processCache<string, Principal, { db: Db; credentials: Credentials }>({
  max: 20_000,
  ttl: PRINCIPAL_TTL_MS,
  fetchMethod: async (key, _stale, { context: { db, credentials } }) => {
    const hash = key.slice(2);
    return (credentials.bearer ? await fromToken(db, hash) : await fromSession(db, hash)) ?? undefined;
  },
});

export const sessionKey = (idHash: string) => `s:${idHash}`;
export const tokenKey = (tokenHash: string) => `t:${tokenHash}`;

/** Drops cached principals when their sessions or tokens end. */
export function forgetCredentials(keys: string[]): void {
  for (const key of keys) cache.delete(key);
}

/** Drops the cached principals of a user whose name or roles changed (his credentials stay). */
export async function forgetUser(executor: Executor, userId: string): Promise<void> {
  const [own, tokens] = await Promise.all([
    executor.select({ h: sessions.idHash }).from(sessions).where(eq(sessions.userId, userId)),
    executor.select({ h: apiTokens.tokenHash }).from(apiTokens).where(eq(apiTokens.userId, userId)),
  ]);
  forgetCredentials([...own.map((r) => sessionKey(r.h)), ...tokens.map((r) => tokenKey(r.h))]);
}

/** Builds the principal of a user: the user row plus each role with its node's path. */
export async function principalOf(
  executor: Executor,
  userId: string,
  via: Principal["via"],
  credentialId: string,
  scopes: Principal["scopes"] = TOKEN_SCOPES,
): Promise<Principal | null> {
  const rows = await executor
    .select({
      phone: users.phone,
      name: users.name,
      mustChangePassword: users.mustChangePassword,
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
  const { phone, name, mustChangePassword } = first;
  return { userId, phone, name, mustChangePassword, roles, via, credentialId, scopes };
}

async function fromToken(db: Db, hash: string): Promise<Principal | null> {
  const [token] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, scopes: apiTokens.scopes })
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
  return principalOf(db, token.userId, "token", token.id, token.scopes);
}

async function fromSession(db: Db, hash: string): Promise<Principal | null> {
  const [session] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.idHash, hash), gt(sessions.expiresAt, new Date())));
  return session ? principalOf(db, session.userId, "session", hash) : null;
}

/** Resolves a session secret or a bearer token to its principal; null when none is valid. */
export async function resolvePrincipal(db: Db, credentials: Credentials): Promise<Principal | null> {
  const secret = credentials.bearer ?? credentials.sessionSecret;
  if (!secret) return null;
  const hash = sha256(secret);
  const key = credentials.bearer ? tokenKey(hash) : sessionKey(hash);
  return (await cache.fetch(key, { context: { db, credentials } })) ?? null;
}

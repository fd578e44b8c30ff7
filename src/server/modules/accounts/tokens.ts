import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { type Actor, audited, type RecordAudit } from "../../platform/audit/audit.ts";
import {
  assertScopes,
  newSecret,
  type Principal,
  sha256,
  TOKEN_SCOPES,
  type TokenScope,
} from "../../platform/auth/index.ts";
import type { Db, Tx } from "../../platform/db/index.ts";
import { AppError, notFound, unauthorized, unprocessable } from "../../platform/errors.ts";
import { forgetCredentials, tokenKey } from "./principals.ts";
import { apiTokens, sessions } from "./tables.ts";

const TOKEN_PREFIX = "gg_";
const DAY_MS = 86_400_000;
/**
 * A token made in a session reads, writes and files Open311 requests unless it names its scopes:
 * that is what an API client of this API (or an Open311 client given it as api_key) does.
 * Unmasking personal data is asked for by name.
 */
const DEFAULT_SCOPES: TokenScope[] = ["read", "write", "open311"];

type TokenRow = typeof apiTokens.$inferSelect;

const presentToken = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  parentTokenId: t.parentTokenId,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

async function insertToken(
  tx: Tx,
  audit: RecordAudit,
  values: Omit<typeof apiTokens.$inferInsert, "tokenHash" | "prefix">,
) {
  const token = TOKEN_PREFIX + newSecret();
  const [row] = await tx
    .insert(apiTokens)
    .values({ ...values, tokenHash: sha256(token), prefix: token.slice(0, 10) })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  const view = presentToken(row);
  await audit({ action: "token.create", entity: "api_token", entityId: row.id, after: view });
  return { ...view, token };
}

/**
 * The session or token a new token is made with, locked (FOR SHARE) until the new one is written,
 * so that a logout or revocation meanwhile waits and then ends the new token too.
 */
async function parentOf(tx: Tx, principal: Principal) {
  if (principal.via === "session") {
    const [session] = await tx
      .select({ idHash: sessions.idHash })
      .from(sessions)
      .where(eq(sessions.idHash, principal.credentialId))
      .for("share");
    if (!session) throw unauthorized();
    return { parentSessionHash: session.idHash, expiresAt: null };
  }
  const [token] = await tx
    .select({ id: apiTokens.id, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, principal.credentialId), isNull(apiTokens.revokedAt)))
    .for("share");
  if (!token) throw new AppError("TOKEN_INVALID", 401);
  return { parentTokenId: token.id, expiresAt: token.expiresAt };
}

/**
 * A new token of the caller. Made with a token it may do no more than that token (403 naming the
 * scopes it lacks) and expire no later (422); by default it has that token's scopes and expiry.
 */
export function createToken(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { name: string; expiresInDays?: number; scopes?: TokenScope[] },
) {
  return audited(db, actor, async (tx, audit) => {
    const { expiresAt: latest, ...parent } = await parentOf(tx, principal);
    const wanted = input.scopes ?? (principal.via === "token" ? principal.scopes : DEFAULT_SCOPES);
    assertScopes(principal, wanted);
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : latest;
    if (latest && expiresAt && expiresAt > latest)
      throw unprocessable("TOKEN_OUTLIVES_PARENT", {
        latestExpiresAt: latest.toISOString(),
      });
    return insertToken(tx, audit, {
      userId: principal.userId,
      name: input.name,
      scopes: TOKEN_SCOPES.filter((s) => wanted.includes(s)),
      expiresAt,
      ...parent,
    });
  });
}

/** A token with every scope for a user nobody logged in as: test fixtures and benches make many. */
export function issueToken(db: Db, actor: Actor, input: { userId: string; name: string }) {
  return audited(db, actor, (tx, audit) => insertToken(tx, audit, { ...input, scopes: [...TOKEN_SCOPES] }));
}

export async function listTokens(db: Db, principal: Principal) {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, principal.userId))
    .orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(presentToken), total: rows.length };
}

/**
 * Revokes the live tokens `which` selects and, generation by generation, every token made with
 * them. A revoked token's descendants were revoked with it, so the walk stops there.
 */
export async function revokeWithDescendants(tx: Tx, which: SQL | undefined): Promise<TokenRow[]> {
  const revoked: TokenRow[] = [];
  let where = which;
  for (;;) {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(where, isNull(apiTokens.revokedAt)))
      .returning();
    if (rows.length === 0) return revoked;
    revoked.push(...rows);
    where = inArray(
      apiTokens.parentTokenId,
      rows.map((r) => r.id),
    );
  }
}

/** Their principals leave this process's cache at once (after the commit, or a request between would cache them again). */
export function forgetTokens(rows: TokenRow[]): void {
  forgetCredentials(rows.map((r) => tokenKey(r.tokenHash)));
}

export async function revokeToken(db: Db, principal: Principal, actor: Actor, id: string) {
  const { view, revoked } = await audited(db, actor, async (tx, audit) => {
    const [before] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, principal.userId)));
    if (!before) throw notFound("token", id);
    const revoked = await revokeWithDescendants(tx, eq(apiTokens.id, id));
    const after = revoked.find((r) => r.id === id);
    if (!after) return { view: presentToken(before), revoked };
    await audit({
      action: "token.revoke",
      entity: "api_token",
      entityId: id,
      before: presentToken(before),
      after: { ...presentToken(after), alsoRevoked: revoked.filter((r) => r.id !== id).map((r) => r.id) },
    });
    return { view: presentToken(after), revoked };
  });
  forgetTokens(revoked);
  return view;
}

import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../../platform/auth/index.ts";
import { anyUuid, type Db } from "../../../platform/db/index.ts";
import { notFound } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { memberIdsNamed, residentIdsNamed } from "../../people/index.ts";
import { merchantIdsNamed } from "../../places/index.ts";
import { scopedTo } from "../../territory/index.ts";
import type { Audience } from "../rules/tables.ts";
import { holderNames } from "./holders.ts";
import { statementOf } from "./statements.ts";
import { pointAccounts } from "./tables.ts";

export interface AccountFilter extends Paging {
  audience?: Audience;
  /** A part of the holder's name. */
  q?: string;
  underId?: string;
  /** balance (lowest first) or -balance (highest first, the default). */
  sort?: "balance" | "-balance";
}

const idsNamed = { resident: residentIdsNamed, member: memberIdsNamed, merchant: merchantIdsNamed };

/** GET /points/accounts: the holders' accounts of the caller's scope with their names, by balance. */
export async function listAccounts(db: Db, principal: Principal, f: AccountFilter) {
  const conditions: Array<SQL | undefined> = await scopedTo(
    db,
    principal,
    "points.manage",
    pointAccounts.territoryPath,
    f.underId,
  );
  conditions.push(eq(pointAccounts.kind, "holder"));
  if (f.audience) conditions.push(eq(pointAccounts.audience, f.audience));
  if (f.q?.trim()) {
    // Names live with people and places: the matching holders' ids, then their accounts.
    const audiences = f.audience ? [f.audience] : (["resident", "member", "merchant"] as const);
    const ids = (await Promise.all(audiences.map((a) => idsNamed[a](db, f.q?.trim() ?? "")))).flat();
    conditions.push(ids.length ? anyUuid(pointAccounts.holderId, ids) : sql`false`);
  }
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const order = f.sort === "balance" ? asc(pointAccounts.balance) : desc(pointAccounts.balance);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(pointAccounts)
      .where(where)
      .orderBy(order, asc(pointAccounts.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(pointAccounts).where(where),
  ]);
  const names = await namesOf(db, rows);
  return {
    items: rows.map((r) => ({
      id: r.id,
      audience: r.audience,
      holderId: r.holderId,
      name: names.get(`${r.audience}:${r.holderId}`) ?? "",
      balance: r.balance,
      createdAt: r.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

/** Holders' names for account rows, one lookup per audience. */
export async function namesOf(
  db: Db,
  rows: ReadonlyArray<{ audience: Audience; holderId: string }>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const audience of ["resident", "member", "merchant"] as const) {
    const ids = rows.filter((r) => r.audience === audience).map((r) => r.holderId);
    if (ids.length === 0) continue;
    for (const [id, name] of await holderNames(db, audience, ids)) names.set(`${audience}:${id}`, name);
  }
  return names;
}

/** A holder account of the caller's points.manage scope, or 404 as if it did not exist. */
export async function accountInScope(db: Db, principal: Principal, id: string) {
  const conditions = await scopedTo(db, principal, "points.manage", pointAccounts.territoryPath);
  const [row] = await db
    .select()
    .from(pointAccounts)
    .where(and(eq(pointAccounts.id, id), eq(pointAccounts.kind, "holder"), ...conditions));
  if (!row) throw notFound("point_account", id);
  return row;
}

/** GET /points/accounts/{id}/statement: the staff's view of a holder's month. */
export async function accountStatement(db: Db, principal: Principal, id: string, month?: string) {
  const account = await accountInScope(db, principal, id);
  const names = await namesOf(db, [account]);
  const statement = await statementOf(db, account.id, month);
  return {
    ...statement,
    audience: account.audience,
    name: names.get(`${account.audience}:${account.holderId}`) ?? "",
  };
}

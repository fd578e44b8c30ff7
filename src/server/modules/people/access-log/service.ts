import { and, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { notFound } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { maskName, type PiiVault, piiAccessLog } from "../../../platform/pii/index.ts";
import { userCards } from "../../accounts/index.ts";
import { searchCondition } from "../residents.ts";
import { scopedTo } from "../scope.ts";
import { residents } from "../tables.ts";

/**
 * Who read residents' unmasked data (reveals, exports with whole numbers): the access-log rows
 * about residents, joined to the resident they are about. The log keeps no territory of its own,
 * so a row is in a caller's scope when its resident is.
 */
const aboutResident = and(
  eq(piiAccessLog.entity, "resident"),
  eq(piiAccessLog.entityId, sql`${residents.id}::text`),
) as SQL;

async function pageOf(db: Db, where: SQL | undefined, f: Paging) {
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: piiAccessLog.id,
        at: piiAccessLog.at,
        actorId: piiAccessLog.actorId,
        residentId: residents.id,
        residentName: residents.name,
        field: piiAccessLog.field,
        purpose: piiAccessLog.purpose,
        ip: piiAccessLog.ip,
      })
      .from(piiAccessLog)
      .innerJoin(residents, aboutResident)
      .where(where)
      .orderBy(desc(piiAccessLog.at), desc(piiAccessLog.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(piiAccessLog).innerJoin(residents, aboutResident).where(where),
  ]);
  const readers = await userCards(
    db,
    rows.flatMap((r) => (r.actorId ? [r.actorId] : [])),
  );
  return { rows, readers, total: total?.n ?? 0 };
}

export interface PiiAccessFilter extends Paging {
  residentId?: string;
  /** The person: part of a name, a phone or a whole 身份证 number, as in the residents list. */
  q?: string;
  actorId?: string;
  from?: string;
  to?: string;
  underId?: string;
}

/** The reads of the residents in the caller's audit.piiAccess scope, newest first. */
export async function listPiiAccess(db: Db, vault: PiiVault, principal: Principal, f: PiiAccessFilter) {
  const conditions = await scopedTo(db, principal, "audit.piiAccess", residents.territoryPath, f.underId);
  if (f.residentId) {
    // A resident outside the scope is not found, as by his id: not an empty page that says he exists.
    const [own] = await db
      .select({ id: residents.id })
      .from(residents)
      .where(and(eq(residents.id, f.residentId), ...conditions));
    if (!own) throw notFound("resident", f.residentId);
    conditions.push(eq(residents.id, f.residentId));
  }
  if (f.q) conditions.push(searchCondition(vault, f.q));
  if (f.actorId) conditions.push(eq(piiAccessLog.actorId, f.actorId));
  if (f.from) conditions.push(gte(piiAccessLog.at, new Date(f.from)));
  if (f.to) conditions.push(lt(piiAccessLog.at, new Date(f.to)));
  const { rows, readers, total } = await pageOf(db, and(...conditions), f);
  return {
    items: rows.map((r) => {
      const reader = r.actorId ? readers.get(r.actorId) : undefined;
      return {
        ...r,
        at: r.at.toISOString(),
        actorName: reader?.name ?? null,
        actorRoles: reader?.roles ?? [],
        residentName: maskName(r.residentName),
      };
    }),
    total,
  };
}

/**
 * Who read the caller's own unmasked data and why (GB/T 35273): the reads of the resident records
 * that carry his mobile number, as accounts and people records meet by phone. The reader's name
 * and post, never his phone or address.
 */
export async function myPiiAccess(db: Db, principal: Principal, f: Paging) {
  const { rows, readers, total } = await pageOf(db, eq(residents.phone, principal.phone), f);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      field: r.field,
      purpose: r.purpose,
      reader: (r.actorId && readers.get(r.actorId)) || null,
    })),
    total,
  };
}

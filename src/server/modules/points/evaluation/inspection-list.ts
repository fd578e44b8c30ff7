import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { inScope, type Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { photoRefs } from "../../../platform/files/index.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { userCards } from "../../accounts/index.ts";
import { merchantsByIds } from "../../places/index.ts";
import { getNode } from "../../territory/index.ts";
import { appliedItemsOf, inspectableShop } from "./inspections.ts";
import { inspections } from "./tables.ts";

export interface InspectionFilter extends Paging {
  merchantId?: string;
  /** Only the caller's own inspections. */
  mine?: boolean;
  /** China-time month, 2026-12. */
  month?: string;
  underId?: string;
}

/** GET /points/inspections: inspections of shops in the caller's scope, newest first. */
export async function listInspections(db: Db, principal: Principal, f: InspectionFilter) {
  const conditions: Array<SQL | undefined> = [
    inScope(principal, "points.inspect", inspections.territoryPath),
  ];
  if (f.underId) {
    const node = await getNode(db, principal, f.underId, "points.inspect");
    conditions.push(sql`${inspections.territoryPath} like ${`${node.path}%`}`);
  }
  if (f.merchantId) {
    // A shop out of scope is not found, as one that does not exist.
    await inspectableShop(db, principal, f.merchantId);
    conditions.push(eq(inspections.merchantId, f.merchantId));
  }
  if (f.mine) conditions.push(eq(inspections.inspectorId, principal.userId));
  if (f.month)
    conditions.push(
      sql`to_char(${inspections.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM') = ${f.month}`,
    );
  const { rows, total } = await selectPage(
    db,
    inspections,
    and(...conditions),
    [desc(inspections.createdAt), desc(inspections.id)],
    f,
  );
  const [items, cards, shops] = await Promise.all([
    appliedItemsOf(db, rows),
    userCards(
      db,
      rows.map((r) => r.inspectorId),
    ),
    merchantsByIds(
      db,
      rows.map((r) => r.merchantId),
    ),
  ]);
  const shopOf = new Map(shops.map((s) => [s.id, s]));
  return {
    items: rows.map((r) => {
      const mine = items.get(r.id) ?? [];
      const total = (kind: "add" | "deduct") =>
        mine.filter((i) => i.kind === kind).reduce((n, i) => n + i.applied, 0);
      return {
        id: r.id,
        at: r.createdAt.toISOString(),
        merchant: { id: r.merchantId, name: shopOf.get(r.merchantId)?.name ?? "" },
        inspector: cards.get(r.inspectorId)?.name ?? null,
        added: total("add"),
        deducted: total("deduct"),
        net: r.net,
        note: r.note,
        photos: photoRefs(r.photos),
        items: mine,
      };
    }),
    total,
  };
}

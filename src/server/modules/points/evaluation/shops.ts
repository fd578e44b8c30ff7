import { and, desc, eq, inArray } from "drizzle-orm";
import { type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError } from "../../../platform/errors.ts";
import { photoRefs } from "../../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { userCards } from "../../accounts/index.ts";
import { type MerchantRecord, merchantByPhone, searchMerchants } from "../../places/index.ts";
import { getNode } from "../../territory/index.ts";
import { accountsOfHolders } from "../ledger/holders.ts";
import { pointPostings } from "../ledger/tables.ts";
import { byIndicator, recentRatings, type ShopFigures, shopFigures } from "./figures.ts";
import { appliedItemsOf, inspectableShop, shopIndicators } from "./inspections.ts";
import { inspections } from "./tables.ts";

export interface MerchantFilter extends Paging {
  /** A shop's name, its pinyin or the initials of its pinyin. */
  q?: string;
  underId?: string;
}

const present = (s: MerchantRecord, f: ShopFigures | undefined) => ({
  id: s.id,
  name: s.name,
  category: s.category,
  address: s.address,
  score: f?.score.score ?? 0,
  base: f?.score.base ?? 0,
  added: f?.score.added ?? 0,
  deducted: f?.score.deducted ?? 0,
  vetoed: f?.score.vetoed ?? false,
  stars: f?.stars ?? { average: null, count: 0 },
  titles: f?.titles ?? [],
  lastInspectedAt: f?.lastInspectedAt ?? null,
});

/** GET /points/merchants: the shops in the caller's points.inspect scope, by name, with their figures. */
export async function listMerchants(db: Db, principal: Principal, f: MerchantFilter) {
  let paths = scopePaths(principal, "points.inspect");
  if (f.underId) {
    const node = await getNode(db, principal, f.underId, "points.inspect");
    paths = [node.path];
  }
  const { rows, total } = await searchMerchants(db, { paths, q: f.q, ...pageWindow(f) });
  const figures = await shopFigures(db, rows);
  return { items: rows.map((s) => present(s, figures.get(s.id))), total };
}

/** The latest inspections of a shop with what each moved, its photos and who made it. */
async function recentInspections(executor: Executor, merchantId: string, limit = 20) {
  const rows = await executor
    .select()
    .from(inspections)
    .where(eq(inspections.merchantId, merchantId))
    .orderBy(desc(inspections.createdAt), desc(inspections.id))
    .limit(limit);
  const [items, cards] = await Promise.all([
    appliedItemsOf(executor, rows),
    userCards(
      executor,
      rows.map((r) => r.inspectorId),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    inspector: cards.get(r.inspectorId)?.name ?? null,
    net: r.net,
    note: r.note,
    photos: photoRefs(r.photos),
    items: items.get(r.id) ?? [],
  }));
}

/** GET /points/merchants/{id}: a shop's score by indicator, its recent inspections and ratings. */
export async function merchantDetail(db: Db, principal: Principal, id: string) {
  const shop = await inspectableShop(db, principal, id);
  const [figures, indicators, recent, ratings] = await Promise.all([
    shopFigures(db, [shop]),
    byIndicator(db, shop),
    recentInspections(db, shop.id),
    recentRatings(db, shop.id),
  ]);
  return { ...present(shop, figures.get(shop.id)), indicators, inspections: recent, ratings };
}

/**
 * GET /points/merchant/me: the merchant's own shop (found by his account's phone), its score by
 * indicator, every deduction this year with the inspection's note and photos, and its ratings.
 */
export async function myShop(db: Db, principal: Principal) {
  const shop = await merchantByPhone(db, principal.phone);
  if (!shop) throw new AppError("NOT_A_MERCHANT", 404);
  const account = (await accountsOfHolders(db, [shop.id])).get(`merchant:${shop.id}`);
  const [figures, indicators, ratings, losses] = await Promise.all([
    shopFigures(db, [shop]),
    byIndicator(db, shop),
    recentRatings(db, shop.id, 50),
    account ? lostPoints(db, account.id) : Promise.resolve([]),
  ]);
  return {
    ...present(shop, figures.get(shop.id)),
    balance: account?.balance ?? 0,
    indicators,
    losses,
    ratings,
    publicUrl: `/mobile/shops/${shop.id}`,
    qrUrl: `/api/v1/public/points/shops/${shop.id}/qr.png`,
  };
}

/** The postings that took points from a shop, newest first, with the inspection behind each. */
async function lostPoints(executor: Executor, accountId: string, limit = 50) {
  const rows = await executor
    .select()
    .from(pointPostings)
    .where(
      and(
        eq(pointPostings.holderAccountId, accountId),
        eq(pointPostings.debitAccountId, accountId),
        eq(pointPostings.kind, "deduct"),
      ),
    )
    .orderBy(desc(pointPostings.at), desc(pointPostings.id))
    .limit(limit);
  const inspectionIds = [
    ...new Set(
      rows.flatMap((r) =>
        r.businessKey.startsWith("inspection:") ? [r.businessKey.split(":")[1] as string] : [],
      ),
    ),
  ];
  const found = inspectionIds.length
    ? await executor.select().from(inspections).where(inArray(inspections.id, inspectionIds))
    : [];
  const byId = new Map(found.map((i) => [i.id, i]));
  const cards = await userCards(
    executor,
    found.map((i) => i.inspectorId),
  );
  return rows.map((r) => {
    const inspection = byId.get(r.businessKey.split(":")[1] ?? "");
    return {
      id: r.id,
      at: r.at.toISOString(),
      points: r.amount,
      what: r.memo,
      ruleCode: r.ruleCode,
      inspectionId: inspection?.id ?? null,
      inspector: inspection ? (cards.get(inspection.inspectorId)?.name ?? null) : null,
      note: inspection?.note ?? "",
      photos: photoRefs(inspection?.photos ?? r.evidence ?? []),
    };
  });
}

/** GET /points/merchants/{id}/indicators: what an inspector may score at this shop, and its score. */
export async function merchantIndicators(db: Db, principal: Principal, id: string) {
  const shop = await inspectableShop(db, principal, id);
  const [{ set, rules }, figures] = await Promise.all([shopIndicators(db, shop), shopFigures(db, [shop])]);
  return {
    merchant: { id: shop.id, name: shop.name, address: shop.address },
    ruleSet: set ? { id: set.id, name: set.name, baseScore: set.baseScore } : null,
    rules: rules.map((r) => ({
      id: r.id,
      code: r.code,
      indicator: r.indicator,
      name: r.name,
      kind: r.kind as "add" | "deduct",
      points: r.points,
      evidenceRequired: r.evidenceRequired,
    })),
    score: figures.get(shop.id)?.score.score ?? 0,
  };
}

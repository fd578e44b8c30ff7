import { and, count, desc, eq, type SQL } from "drizzle-orm";
import QRCode from "qrcode";
import { can, inScope, type Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, forbidden, notFound } from "../../../platform/errors.ts";
import { fileUrl } from "../../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { merchantByPhone, merchantsByIds } from "../../places/index.ts";
import { scopedTo } from "../../territory/index.ts";
import { holderNames } from "../ledger/holders.ts";
import { pointAccounts } from "../ledger/tables.ts";
import type { Audience } from "../rules/tables.ts";
import { canMove } from "./flow.ts";
import { type RedemptionStatus, redemptions, shopItems } from "./tables.ts";

/** How the caller sees a redemption: its owner, the shop that hands it over, or staff of its area. */
export type Viewer = "owner" | "shop" | "staff";

const columns = {
  r: redemptions,
  itemName: shopItems.name,
  itemKind: shopItems.kind,
  photoId: shopItems.photoId,
  audience: pointAccounts.audience,
  holderId: pointAccounts.holderId,
};

const selectRedemptions = (executor: Executor) =>
  executor
    .select(columns)
    .from(redemptions)
    .innerJoin(shopItems, eq(shopItems.id, redemptions.itemId))
    .innerJoin(pointAccounts, eq(pointAccounts.id, redemptions.accountId));

type Row = Awaited<ReturnType<ReturnType<typeof selectRedemptions>["execute"]>>[number];

/** The caller's shop, if he is a merchant account: they meet by his phone. */
export async function shopOf(executor: Executor, principal: Principal) {
  if (!can(principal, "points.merchant")) return null;
  return merchantByPhone(executor, principal.phone);
}

/**
 * Whether the caller may hand this redemption over: its shop's merchant; staff in scope for goods
 * given out by the community itself (no shop). Another shop's code is refused (403 NOT_YOUR_SHOP);
 * one outside the staff's area is not found.
 */
export async function assertHandler(executor: Executor, principal: Principal, r: Row["r"]) {
  const shop = await shopOf(executor, principal);
  if (shop && r.merchantId === shop.id) return;
  const scope = can(principal, "points.manage") && (await inStaffScope(executor, principal, r.id));
  if (scope && !r.merchantId) return;
  if (shop || scope) throw new AppError("NOT_YOUR_SHOP", 403);
  throw notFound("point_redemption", r.id);
}

async function inStaffScope(executor: Executor, principal: Principal, id: string) {
  const [row] = await executor
    .select({ id: redemptions.id })
    .from(redemptions)
    .where(and(eq(redemptions.id, id), inScope(principal, "points.manage", redemptions.territoryPath)));
  return !!row;
}

/** One redemption by id or by code, with its item and account. */
export async function findRedemption(executor: Executor, by: { id: string } | { code: string }) {
  const [row] = await selectRedemptions(executor).where(
    "id" in by ? eq(redemptions.id, by.id) : eq(redemptions.code, by.code),
  );
  return row;
}

/** How the caller sees one redemption, or 404: its owner, its shop's merchant, staff in scope. */
export async function viewerOf(executor: Executor, principal: Principal, row: Row): Promise<Viewer> {
  if (row.r.userId === principal.userId) return "owner";
  const shop = await shopOf(executor, principal);
  if (shop && row.r.merchantId === shop.id) return "shop";
  if (can(principal, "points.manage") && (await inStaffScope(executor, principal, row.r.id))) return "staff";
  throw notFound("point_redemption", row.r.id);
}

/** GET /points/redemptions/{id}: with the code as a QR image for its owner. */
export async function getRedemption(db: Db, principal: Principal, id: string) {
  const row = await findRedemption(db, { id });
  if (!row) throw notFound("point_redemption", id);
  const viewer = await viewerOf(db, principal, row);
  const [shown] = await present(db, [row], viewer);
  const qr = viewer === "owner" ? await QRCode.toString(row.r.code, { type: "svg", margin: 2 }) : null;
  return {
    ...(shown as NonNullable<typeof shown>),
    qr: qr ? `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}` : null,
  };
}

export interface RedemptionFilter extends Paging {
  status?: RedemptionStatus;
  itemId?: string;
  merchantId?: string;
  underId?: string;
}

/** GET /points/redemptions/mine: the caller's own, newest first, with their codes. */
export async function myRedemptions(db: Db, principal: Principal, f: RedemptionFilter) {
  const conditions = [eq(redemptions.userId, principal.userId)];
  if (f.status) conditions.push(eq(redemptions.status, f.status));
  return pageOf(db, and(...conditions), f, "owner");
}

/**
 * GET /points/redemptions: staff see their area's (points.manage), a merchant his shop's; newest
 * first. A caller who is neither is refused.
 */
export async function listRedemptions(db: Db, principal: Principal, f: RedemptionFilter) {
  const conditions: Array<SQL | undefined> = [];
  let viewer: Viewer;
  if (can(principal, "points.manage")) {
    viewer = "staff";
    conditions.push(
      ...(await scopedTo(db, principal, "points.manage", redemptions.territoryPath, f.underId)),
    );
    if (f.merchantId) conditions.push(eq(redemptions.merchantId, f.merchantId));
  } else {
    const shop = await shopOf(db, principal);
    if (!shop) throw forbidden();
    // A shop's list has no areas to narrow it by: a node named is not one of his.
    if (f.underId) throw notFound("territory node", f.underId);
    viewer = "shop";
    conditions.push(eq(redemptions.merchantId, shop.id));
  }
  if (f.status) conditions.push(eq(redemptions.status, f.status));
  if (f.itemId) conditions.push(eq(redemptions.itemId, f.itemId));
  return pageOf(db, and(...conditions), f, viewer);
}

async function pageOf(db: Db, where: SQL | undefined, f: Paging, viewer: Viewer) {
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    selectRedemptions(db)
      .where(where)
      .orderBy(desc(redemptions.createdAt), desc(redemptions.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(redemptions).where(where),
  ]);
  return { items: await present(db, rows, viewer), total: total?.n ?? 0 };
}

/** Redemptions as the viewer sees them: the holder masked for a shop, the code for its owner only. */
export async function present(executor: Executor, rows: Row[], viewer: Viewer) {
  const shops = new Map(
    (
      await merchantsByIds(executor, [
        ...new Set(rows.flatMap((r) => (r.r.merchantId ? [r.r.merchantId] : []))),
      ])
    ).map((s) => [s.id, s]),
  );
  const names = new Map<string, string>();
  for (const audience of [...new Set(rows.map((r) => r.audience))]) {
    const ids = rows.filter((r) => r.audience === audience).map((r) => r.holderId);
    const found = await holderNames(executor, audience as Audience, ids, viewer === "shop");
    for (const [id, name] of found) names.set(`${audience}:${id}`, name);
  }
  return rows.map(({ r, ...x }) => {
    const shop = r.merchantId ? shops.get(r.merchantId) : undefined;
    const reserved = canMove(r.status, "delivered");
    return {
      id: r.id,
      code: viewer === "owner" ? r.code : null,
      status: r.status,
      item: {
        id: r.itemId,
        name: x.itemName,
        kind: x.itemKind,
        photo: x.photoId ? { id: x.photoId, url: fileUrl(x.photoId) } : null,
      },
      merchant: shop ? { id: shop.id, name: shop.name, address: shop.address } : null,
      quantity: r.quantity,
      points: r.points,
      audience: x.audience,
      holderName: names.get(`${x.audience}:${x.holderId}`) ?? "",
      createdAt: r.createdAt.toISOString(),
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      cancelReason: r.cancelReason,
      allowedActions: [
        ...(reserved && viewer !== "owner" && (viewer === "shop" || !r.merchantId)
          ? ["deliver" as const]
          : []),
        ...(reserved && viewer !== "shop" ? ["cancel" as const] : []),
      ],
    };
  });
}

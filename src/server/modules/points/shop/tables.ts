import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";
import type { Audience } from "../rules/tables.ts";

export const ITEM_KINDS = ["goods", "service"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * The points shop (积分超市): goods a community hands out and services at its 五小便民服务店 (a
 * merchant's haircut, shoe repair …). `stock` is taken by the redemption in the same transaction as
 * the points, by one conditional update, so the last item is never sold twice.
 */
export const shopItems = pgTable(
  "point_shop_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<ItemKind>().notNull(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    /** The shop that delivers it (a service, or goods picked up there); none: the community's hall. */
    merchantId: uuid("merchant_id"),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    description: text("description").notNull().default(""),
    photoId: text("photo_id"),
    price: integer("price").notNull(),
    stock: integer("stock").notNull(),
    /** Whose points pay for it. */
    audiences: jsonb("audiences").$type<Audience[]>().notNull().default(["resident", "member"]),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("point_shop_items_territory_idx", t.territoryPath),
    index("point_shop_items_merchant_idx").on(t.merchantId),
    check("point_shop_items_stock", sql`${t.stock} >= 0`),
    check("point_shop_items_price", sql`${t.price} > 0`),
  ],
);

export const REDEMPTION_STATUSES = ["reserved", "delivered", "cancelled"] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/**
 * A redemption (兑换): points and stock taken together; the resident shows `code` (a QR code) and
 * the merchant (or the community's hall) scans it to confirm delivery; cancelling returns both.
 */
export const redemptions = pgTable(
  "point_redemptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    itemId: uuid("item_id").notNull(),
    accountId: uuid("account_id").notNull(),
    userId: uuid("user_id").notNull(),
    merchantId: uuid("merchant_id"),
    quantity: integer("quantity").notNull().default(1),
    points: integer("points").notNull(),
    status: text("status").$type<RedemptionStatus>().notNull().default("reserved"),
    territoryPath: text("territory_path").notNull(),
    postingId: bigint("posting_id", { mode: "number" }).notNull(),
    refundPostingId: bigint("refund_posting_id", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    deliveredBy: uuid("delivered_by"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by"),
    cancelReason: text("cancel_reason"),
  },
  (t) => [
    pathIndex("point_redemptions_territory_idx", t.territoryPath),
    index("point_redemptions_user_idx").on(t.userId, t.createdAt),
    index("point_redemptions_merchant_idx").on(t.merchantId, t.status),
  ],
);

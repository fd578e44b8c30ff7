import { Type } from "@sinclair/typebox";
import { FileId, PhotoRef } from "../../../platform/files/index.ts";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { ITEM_KINDS, REDEMPTION_STATUSES } from "./tables.ts";

/** Whose points may pay for an item: a resident's (睦邻积分) or a party member's (先锋积分). */
export const PAYING_AUDIENCES = ["resident", "member"] as const;
export type PayingAudience = (typeof PAYING_AUDIENCES)[number];

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: "\\S" });
const Shop = Nullable(Type.Object({ id: Uuid, name: Type.String(), address: Type.String() }));

export const itemFields = {
  nodeId: Type.String({ format: "uuid", description: "a district, street or community in scope" }),
  kind: Enum(ITEM_KINDS),
  merchantId: Type.Optional(
    Nullable(
      Type.String({ format: "uuid", description: "the 便民店 that delivers it (services: required)" }),
    ),
  ),
  name: Text(40),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  photoId: Type.Optional(Nullable(FileId)),
  price: Type.Integer({ minimum: 1, maximum: 1_000_000, description: "points for one" }),
  stock: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  audiences: Type.Array(Enum(PAYING_AUDIENCES), { minItems: 1, maxItems: 2, uniqueItems: true }),
};

export const ShopItem = Type.Object({
  id: Uuid,
  kind: Enum(ITEM_KINDS),
  node: Nullable(Type.Object({ id: Uuid, name: Type.String(), level: Type.String() })),
  merchant: Shop,
  name: Type.String(),
  description: Type.String(),
  photo: Nullable(PhotoRef),
  price: Type.Integer(),
  stock: Type.Integer(),
  audiences: Type.Array(Enum(PAYING_AUDIENCES)),
  active: Type.Boolean(),
  createdAt: Time,
});

/** An item as a holder sees it in 积分超市: what it costs him and which of his points would pay. */
export const OfferItem = Type.Object({
  ...ShopItem.properties,
  payWith: Nullable(Enum(PAYING_AUDIENCES)),
  affordable: Type.Boolean({ description: "one of his accounts that may pay holds the price" }),
});

export const Balance = Type.Object({ audience: Enum(PAYING_AUDIENCES), balance: Type.Integer() });

export const Offers = Type.Object({
  items: Type.Array(OfferItem),
  total: Type.Integer({ minimum: 0 }),
  balances: Type.Array(Balance),
});

export const RedemptionItem = Type.Object({
  id: Uuid,
  code: Nullable(Type.String({ description: "the pick-up code: shown to its owner only" })),
  status: Enum(REDEMPTION_STATUSES),
  item: Type.Object({ id: Uuid, name: Type.String(), kind: Enum(ITEM_KINDS), photo: Nullable(PhotoRef) }),
  merchant: Shop,
  quantity: Type.Integer(),
  points: Type.Integer(),
  audience: Type.String(),
  holderName: Type.String({ description: "masked (孙**) for the shop; whole for staff and the owner" }),
  createdAt: Time,
  deliveredAt: Nullable(Time),
  cancelledAt: Nullable(Time),
  cancelReason: Nullable(Type.String()),
  allowedActions: Type.Array(Type.Union([Type.Literal("deliver"), Type.Literal("cancel")])),
});

export const RedemptionDetail = Type.Object({
  ...RedemptionItem.properties,
  qr: Nullable(Type.String({ description: "the code as a QR image (SVG data URL), for its owner" })),
});

import { Type } from "@sinclair/typebox";
import { PhotoIds, PhotoRef } from "../../../platform/files/index.ts";
import { Nullable, Time, Uuid } from "../../../platform/http/types.ts";

const Stars = Type.Object({
  average: Nullable(Type.Number({ description: "this year's average stars, one decimal" })),
  count: Type.Integer({ description: "ratings this year" }),
});
const Titles = Type.Array(
  Type.Object({
    kind: Type.String({ description: "virtueShop (美德商铺), trustedMerchant (诚信商户) …" }),
    period: Type.String(),
  }),
);

export const NewInspectionBody = Type.Object(
  {
    merchantId: Uuid,
    items: Type.Array(
      Type.Object(
        {
          ruleId: Uuid,
          quantity: Type.Integer({ minimum: 1, maximum: 99 }),
          note: Type.Optional(Type.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
    photos: Type.Optional(PhotoIds),
    note: Type.Optional(Type.String({ maxLength: 500 })),
    clientKey: Type.Optional(
      Type.String({ minLength: 8, maxLength: 64, description: "made by the phone: a retry is kept once" }),
    ),
  },
  { additionalProperties: false },
);

export const AppliedItem = Type.Object({
  ruleId: Uuid,
  code: Type.String(),
  indicator: Nullable(Type.String({ description: "first-level indicator" })),
  name: Type.String({ description: "second-level indicator" }),
  kind: Type.Union([Type.Literal("add"), Type.Literal("deduct")]),
  quantity: Type.Integer(),
  note: Nullable(Type.String()),
  points: Type.Integer({ description: "what the rule gives: points × quantity" }),
  applied: Type.Integer({ description: "what was posted: a deduction stops at the shop's balance" }),
});

export const InspectionResult = Type.Object({
  id: Uuid,
  merchantId: Uuid,
  added: Type.Integer(),
  deducted: Type.Integer(),
  net: Type.Integer(),
  items: Type.Array(AppliedItem),
  replayed: Type.Boolean({ description: "true: this clientKey was sent before; its first inspection" }),
});

export const InspectionItem = Type.Object({
  id: Uuid,
  at: Time,
  merchant: Type.Object({ id: Uuid, name: Type.String() }),
  inspector: Nullable(Type.String()),
  added: Type.Integer(),
  deducted: Type.Integer(),
  net: Type.Integer(),
  note: Type.String(),
  photos: Type.Array(PhotoRef),
  items: Type.Array(AppliedItem),
});

const ShopFields = {
  id: Uuid,
  name: Type.String(),
  category: Type.String(),
  address: Type.String(),
  score: Type.Integer({ description: "this year: 基础分 + added − deducted (0 under a veto)" }),
  base: Type.Integer(),
  added: Type.Integer(),
  deducted: Type.Integer(),
  vetoed: Type.Boolean(),
  stars: Stars,
  titles: Titles,
  lastInspectedAt: Nullable(Time),
};
export const MerchantItem = Type.Object(ShopFields);

const Indicator = Type.Object({
  indicator: Nullable(Type.String()),
  added: Type.Integer(),
  deducted: Type.Integer(),
  net: Type.Integer(),
});
const Rating = Type.Object({
  id: Uuid,
  stars: Type.Integer(),
  comment: Type.String(),
  day: Type.String({ description: "China date" }),
});

export const MerchantDetail = Type.Object({
  ...ShopFields,
  indicators: Type.Array(Indicator),
  inspections: Type.Array(
    Type.Object({
      id: Uuid,
      at: Time,
      inspector: Nullable(Type.String()),
      net: Type.Integer(),
      note: Type.String(),
      photos: Type.Array(PhotoRef),
      items: Type.Array(AppliedItem),
    }),
  ),
  ratings: Type.Array(Rating),
});

export const MyShop = Type.Object({
  ...ShopFields,
  balance: Type.Integer({
    description: "the shop's account: its 基础分 when opened + all added − all deducted (never below zero)",
  }),
  indicators: Type.Array(Indicator),
  losses: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Time,
      points: Type.Integer(),
      what: Type.String({ description: "indicator / name / note" }),
      ruleCode: Nullable(Type.String()),
      inspectionId: Nullable(Uuid),
      inspector: Nullable(Type.String()),
      note: Type.String(),
      photos: Type.Array(PhotoRef),
    }),
  ),
  ratings: Type.Array(Rating),
  publicUrl: Type.String({ description: "the shop's public page (what its QR code opens)" }),
  qrUrl: Type.String({ description: "the QR code as a PNG, to print" }),
});

export const Indicators = Type.Object({
  merchant: Type.Object({ id: Uuid, name: Type.String(), address: Type.String() }),
  ruleSet: Nullable(Type.Object({ id: Uuid, name: Type.String(), baseScore: Type.Integer() })),
  rules: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      indicator: Nullable(Type.String()),
      name: Type.String(),
      kind: Type.Union([Type.Literal("add"), Type.Literal("deduct")]),
      points: Type.Integer(),
      evidenceRequired: Type.Boolean(),
    }),
  ),
  score: Type.Integer(),
});

export const PublicShop = Type.Object({
  id: Uuid,
  name: Type.String(),
  category: Type.String(),
  address: Type.String(),
  score: Type.Integer(),
  titles: Titles,
  stars: Stars,
});

export const NewRatingBody = Type.Object(
  {
    phone: Type.String({
      minLength: 11,
      maxLength: 20,
      description: "a mainland mobile; kept only as a keyed hash",
    }),
    stars: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

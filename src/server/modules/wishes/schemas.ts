import { Type } from "@sinclair/typebox";
import { PhotoRef as Photo } from "../../platform/files/index.ts";
import { TimelineEvent } from "../../platform/http/timeline.ts";
import { Enum, Nullable, Time, Uuid } from "../../platform/http/types.ts";
import { WISH_ACTIONS } from "./flow.ts";
import { STATS_BY } from "./stats.ts";
import { CLAIMER_KINDS, WISH_CATEGORIES, WISH_STATUSES, WISHER_KINDS } from "./tables.ts";

const Community = Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }));

const wishFields = {
  id: Uuid,
  code: Type.String({ description: "XY-20261125-0001" }),
  status: Enum(WISH_STATUSES),
  title: Type.String(),
  description: Type.String(),
  category: Enum(WISH_CATEGORIES),
  wisherKind: Enum(WISHER_KINDS),
  wisherName: Type.String({ description: "masked in lists" }),
  wisherPhone: Nullable(Type.String({ description: "masked in lists" })),
  photos: Type.Array(Photo),
  community: Community,
  claimerKind: Nullable(Enum(CLAIMER_KINDS)),
  claimerName: Nullable(Type.String({ description: "the member who claimed (for himself or his unit)" })),
  claimerUnitName: Nullable(Type.String()),
  createdAt: Time,
  publishedAt: Nullable(Time),
  claimedAt: Nullable(Time),
  fulfilledAt: Nullable(Time),
  confirmedAt: Nullable(Time),
};

export const WishItem = Type.Object(wishFields);

export const MyWish = Type.Object({
  ...wishFields,
  reviewNote: Nullable(Type.String()),
  fulfilNote: Nullable(Type.String()),
  fulfilPhotos: Type.Array(Photo),
  allowedActions: Type.Array(Enum(WISH_ACTIONS)),
});

export const WishDetail = Type.Object({
  ...wishFields,
  wisherPhone: Nullable(
    Type.String({ description: "whole for the wisher, the claimer and community staff (logged)" }),
  ),
  node: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), level: Type.String() })),
  reviewNote: Nullable(Type.String()),
  fulfilNote: Nullable(Type.String()),
  fulfilPhotos: Type.Array(Photo),
  thanks: Nullable(Type.String()),
  // wish_events keeps no structured detail
  events: Type.Array(Type.Omit(TimelineEvent(WISH_STATUSES), ["data"])),
  allowedActions: Type.Array(Enum(WISH_ACTIONS)),
});

export const PublicWish = Type.Object({
  id: Uuid,
  code: Type.String(),
  status: Enum(WISH_STATUSES),
  title: Type.String(),
  description: Type.String(),
  category: Enum(WISH_CATEGORIES),
  wisherKind: Enum(WISHER_KINDS),
  wisherName: Type.String({ description: "masked: 王**, 李*" }),
  photos: Type.Array(Photo),
  fulfilPhotos: Type.Array(Photo),
  community: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  claimer: Nullable(
    Type.Object({
      kind: Enum(CLAIMER_KINDS),
      name: Type.String({ description: "a unit's name, or the member's name masked" }),
    }),
  ),
  publishedAt: Nullable(Time),
  claimedAt: Nullable(Time),
  fulfilledAt: Nullable(Time),
  confirmedAt: Nullable(Time),
});

export const WallCommunity = Type.Object({
  code: Type.String(),
  name: Type.String(),
  open: Type.Integer({ description: "published, waiting for a claimer" }),
  total: Type.Integer(),
});

const Figures = {
  posted: Type.Integer(),
  published: Type.Integer(),
  claimed: Type.Integer(),
  fulfilled: Type.Integer(),
  confirmed: Type.Integer(),
  daysToClaim: Nullable(Type.Number({ description: "average days from publishing to the claim" })),
  daysToConfirm: Nullable(Type.Number({ description: "average days from publishing to the confirmation" })),
};

export const Stats = Type.Object({
  by: Enum(STATS_BY),
  items: Type.Array(
    Type.Object({
      key: Type.String({ description: "a community id or a category code" }),
      name: Nullable(Type.String({ description: "the community's name" })),
      ...Figures,
    }),
  ),
  total: Type.Object(Figures),
});

export const Moved = Type.Object({ id: Uuid, status: Enum(WISH_STATUSES) });
export const Posted = Type.Object({
  id: Uuid,
  code: Type.String({ description: "XY-20261125-0001" }),
  status: Enum(WISH_STATUSES),
});

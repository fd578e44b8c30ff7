import { Type } from "@sinclair/typebox";
import { PhotoRef as Photo } from "../../platform/files/index.ts";
import { TimelineEvent } from "../../platform/http/timeline.ts";
import { Enum, Nullable, Time, Uuid } from "../../platform/http/types.ts";
import { ORDER_ACTIONS } from "./flow.ts";
import { AUDIENCES, ORDER_STATUSES } from "./tables.ts";

export const OrderCategory = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  onSiteMinutes: Type.Integer(),
  skill: Nullable(Type.String()),
});

const orderFields = {
  id: Uuid,
  code: Type.String({ description: "DD-20261125-0001" }),
  status: Enum(ORDER_STATUSES),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  categoryNameEn: Type.String(),
  title: Type.String(),
  description: Type.String(),
  address: Nullable(
    Type.String({ description: "masked but for the taker, the requester and the staff of its area" }),
  ),
  lat: Nullable(Type.Number({ description: "to about 100 m for those it is only offered to" })),
  lng: Nullable(Type.Number({ description: "to about 100 m for those it is only offered to" })),
  nodeId: Uuid,
  nodeName: Nullable(Type.String({ description: "the grid (or community) of the place" })),
  audience: Enum(AUDIENCES),
  teamId: Nullable(Uuid),
  maxDistanceMeters: Nullable(Type.Integer()),
  onSiteMinutes: Type.Integer(),
  caseId: Nullable(Uuid),
  requesterName: Nullable(Type.String({ description: "masked" })),
  requesterPhone: Nullable(
    Type.String({ description: "masked but for the taker, the requester and, in the detail, the staff" }),
  ),
  takerName: Nullable(Type.String()),
  createdAt: Time,
  grabbedAt: Nullable(Time),
  onSiteDueAt: Nullable(Time),
  arrivedAt: Nullable(Time),
  completedAt: Nullable(Time),
  score: Nullable(Type.Integer()),
  misses: Type.Integer({ description: "times a taker let the on-site deadline pass" }),
};

export const OrderItem = Type.Object(orderFields);

export const HallItem = Type.Object({
  ...orderFields,
  distanceMeters: Nullable(Type.Integer({ description: "from the phone's location to the place" })),
});

export const OrderDetail = Type.Object({
  ...orderFields,
  audienceNodeName: Nullable(Type.String()),
  completionNote: Nullable(Type.String()),
  completionPhotos: Type.Array(Photo),
  ratingComment: Nullable(Type.String()),
  ratedAt: Nullable(Time),
  events: Type.Array(TimelineEvent(ORDER_STATUSES)),
  allowedActions: Type.Array(Enum(ORDER_ACTIONS)),
  mayCall: Type.Boolean({ description: "the caller took the order: he may reveal the requester's phone" }),
});

export const Stepped = Type.Object({ id: Uuid, code: Type.String(), status: Enum(ORDER_STATUSES) });

export const StatsRow = Type.Object({
  key: Type.String({ description: "community or grid id, or category code" }),
  code: Nullable(Type.String()),
  name: Nullable(Type.String()),
  published: Type.Integer(),
  grabbed: Type.Integer(),
  completed: Type.Integer(),
  missed: Type.Integer(),
  minutesToGrab: Nullable(Type.Number()),
  minutesToArrive: Nullable(Type.Number()),
  averageRating: Nullable(Type.Number()),
});

import { Type } from "@sinclair/typebox";
import { Enum, Nullable, Time, Uuid } from "../../platform/http/types.ts";
import { TREND_INTERVALS } from "../cases/index.ts";
import { TERRITORY_LEVELS } from "../territory/index.ts";

const Day = Type.String({ format: "date", description: "A China calendar day, 2026-11-25" });
const Count = Type.Integer({ minimum: 0 });
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const Minutes = Type.Object({ median: Nullable(Type.Number()), p90: Nullable(Type.Number()) });

export const ViewQuery = {
  node: Type.Optional(
    Type.String({
      format: "uuid",
      description: "A territory node in scope; default the top of the caller's scope",
    }),
  ),
  from: Type.Optional(
    Type.String({ format: "date", description: "First day (China time); default 29 days before `to`" }),
  ),
  to: Type.Optional(Type.String({ format: "date", description: "Last day, inclusive; default today" })),
};

/** One department's whistles (measures.ts departmentWhistles). */
const DepartmentWhistles = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  whistles: Count,
  reported: Count,
  overdue: Count,
  rated: Count,
  meanScore: Nullable(Type.Number()),
  scores: Type.Array(Count, { description: "How many responses were rated 1, 2, 3, 4 and 5" }),
  responseMinutes: Minutes,
});

const NodeRef = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  level: Enum(TERRITORY_LEVELS),
});
const Breakdown = Type.Array(Type.Object({ key: Type.String(), name: Type.String(), n: Count }));

export const OverviewBody = Type.Object({
  node: NodeRef,
  trail: Type.Array(NodeRef, { description: "Ancestors in the caller's scope, top first" }),
  from: Day,
  to: Day,
  refreshedAt: Nullable(Time),
  cases: Type.Object({
    received: Count,
    open: Count,
    finished: Count,
    rated: Count,
    satisfied: Type.Integer({ minimum: 0, description: "rated 4 or 5" }),
    satisfactionRate: Rate,
    meanRating: Nullable(Type.Number()),
    late: Type.Integer({ minimum: 0, description: "responded or resolved after the deadline" }),
    lateResponse: Count,
    lateResolution: Count,
    responseMinutes: Type.Object({
      count: Count,
      median: Nullable(Type.Number()),
      p90: Nullable(Type.Number()),
    }),
    resolutionMinutes: Type.Object({
      count: Count,
      median: Nullable(Type.Number()),
      p90: Nullable(Type.Number()),
    }),
    byStatus: Breakdown,
    byCategory: Breakdown,
    byChannel: Breakdown,
  }),
  now: Type.Object(
    { open: Count, overdue: Count },
    { description: "Open and overdue at this moment, whatever the period" },
  ),
  whistles: Type.Object({
    total: Count,
    reported: Count,
    overdue: Count,
    byDepartment: Type.Array(DepartmentWhistles),
  }),
  orders: Type.Object({ published: Count, grabbed: Count, completed: Count, missed: Count }),
  volunteering: Type.Object({ activities: Count, people: Count, hours: Type.Number({ minimum: 0 }) }),
  coverage: Type.Object({
    households: Count,
    withMember: Count,
    linked: Count,
    covered: Count,
    rate: Rate,
  }),
});

export const AreasBody = Type.Object({
  node: NodeRef,
  trail: Type.Array(NodeRef),
  from: Day,
  to: Day,
  level: Enum(TERRITORY_LEVELS),
  items: Type.Array(
    Type.Object({
      ...NodeRef.properties,
      geometry: Nullable(Type.Unknown({ description: "GeoJSON Polygon or MultiPolygon" })),
      received: Count,
      open: Count,
      overdue: Count,
      late: Count,
      rated: Count,
      satisfactionRate: Rate,
      whistles: Count,
    }),
  ),
});

export const TrendQuery = { ...ViewQuery, interval: Type.Optional(Enum(TREND_INTERVALS)) };
export const TrendBody = Type.Object({
  node: NodeRef,
  from: Day,
  to: Day,
  interval: Enum(TREND_INTERVALS),
  points: Type.Array(
    Type.Object({
      period: Day,
      received: Count,
      finished: Count,
      rated: Count,
      satisfied: Count,
      late: Count,
      whistles: Count,
    }),
  ),
});

const LiveCase = Type.Object({
  id: Uuid,
  code: Type.String(),
  status: Type.String(),
  channel: Type.String(),
  categoryName: Type.String(),
  description: Type.String(),
  placeName: Nullable(Type.String()),
  createdAt: Time,
  resolveDueAt: Time,
  responseDueAt: Time,
  respondedAt: Nullable(Time),
  overdue: Type.Boolean(),
});
export const LiveBody = Type.Object({
  latest: Type.Array(LiveCase),
  overdue: Type.Array(LiveCase),
  at: Time,
});

export const DepartmentBody = Type.Object({
  from: Day,
  to: Day,
  departments: Type.Array(
    Type.Object({
      ...DepartmentWhistles.properties,
      waitingNow: Type.Integer({ minimum: 0, description: "Whistles awaiting the report now" }),
      overdueNow: Type.Integer({ minimum: 0, description: "Of those, past their deadline" }),
    }),
  ),
});

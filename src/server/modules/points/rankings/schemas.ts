import { Type } from "@sinclair/typebox";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { RANKING_ACTIONS } from "./flow.ts";
import { PERIOD_PATTERN } from "./period.ts";
import { RANKING_STATUSES, TITLE_KINDS } from "./tables.ts";

export const Period = Type.String({
  pattern: PERIOD_PATTERN,
  maxLength: 7,
  description: "2026H2 (half), 2026Q4 (quarter), 2026 (year) or 2026-11 (month)",
});

const Person = Type.Object({ id: Uuid, name: Type.String() });

export const RankingItem = Type.Object({
  id: Uuid,
  kind: Enum(TITLE_KINDS),
  period: Type.String(),
  node: Type.Object({ id: Uuid, name: Type.String(), level: Type.String() }),
  status: Enum(RANKING_STATUSES),
  size: Type.Integer(),
  entries: Type.Integer({
    description: "how many are on it (ties at the last place may make it more than size)",
  }),
  createdBy: Person,
  createdAt: Time,
  approvedBy: Nullable(Person),
  approvedAt: Nullable(Time),
  publishedAt: Nullable(Time),
  allowedActions: Type.Array(Enum([...RANKING_ACTIONS, "editCitation"] as const)),
});

export const EntryItem = Type.Object({
  rank: Type.Integer(),
  holderId: Uuid,
  name: Type.String({ description: "the member's whole name (staff only) or the shop's name" }),
  score: Type.Number(),
  citation: Nullable(Type.String()),
});

export const RankingDetail = Type.Composite([
  RankingItem,
  Type.Object({ items: Type.Array(EntryItem), total: Type.Integer({ minimum: 0 }) }),
]);

export const EntryRow = Type.Composite([
  EntryItem,
  Type.Object({
    ranking: Type.Object({
      id: Uuid,
      kind: Enum(TITLE_KINDS),
      period: Type.String(),
      nodeName: Type.String(),
      status: Enum(RANKING_STATUSES),
    }),
  }),
]);

/** A published ranking as a wall or the screen shows it: names masked, no phone, no id number. */
export const PublishedRankingView = Type.Object({
  id: Uuid,
  kind: Enum(TITLE_KINDS),
  period: Type.String(),
  entries: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      name: Type.String({ description: "孙** for a member; a shop by its name" }),
      score: Type.Number(),
      citation: Nullable(Type.String()),
    }),
  ),
});

import { index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";

/** 明星党员, 美德商铺, 社区信得过经营户. */
export const TITLE_KINDS = ["starMember", "virtueShop", "trustedMerchant"] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];

export const RANKING_STATUSES = ["draft", "approved", "published", "withdrawn"] as const;
export type RankingStatus = (typeof RANKING_STATUSES)[number];

/**
 * A ranking of a territory for a period (2026H2, 2026Q4, 2026), drawn from the scores and turned into
 * titles: drafted by staff, approved by someone else, then published to the walls and the screen.
 */
export const rankings = pgTable(
  "point_rankings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<TitleKind>().notNull(),
    period: text("period").notNull(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    status: text("status").$type<RankingStatus>().notNull().default("draft"),
    /** How many of the top are given the title. */
    size: integer("size").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    approvedBy: uuid("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    pathIndex("point_rankings_territory_idx", t.territoryPath),
    index("point_rankings_kind_idx").on(t.kind, t.period),
  ],
);

/** Who is on a ranking, in order, with the score that put him there. */
export const rankingEntries = pgTable(
  "point_ranking_entries",
  {
    rankingId: uuid("ranking_id")
      .notNull()
      .references(() => rankings.id),
    rank: integer("rank").notNull(),
    /** The party member or merchant. */
    holderId: uuid("holder_id").notNull(),
    score: numeric("score", { precision: 8, scale: 2, mode: "number" }).notNull(),
    /** A line the community writes for the wall. */
    citation: text("citation"),
  },
  (t) => [primaryKey({ columns: [t.rankingId, t.holderId] })],
);

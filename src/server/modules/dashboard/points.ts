import { Type } from "@sinclair/typebox";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { Nullable } from "../../platform/http/types.ts";
import { publishedRanking } from "../points/index.ts";
import { viewOf } from "./view.ts";

/** The screen shows this many of each list. */
const SHOWN = 5;

const Board = Nullable(
  Type.Object({
    period: Type.String(),
    entries: Type.Array(
      Type.Object({
        rank: Type.Integer(),
        name: Type.String({ description: "孙** for a member; a shop by its name" }),
        score: Type.Number(),
      }),
    ),
  }),
);

export const PointsBoardBody = Type.Object({ stars: Board, shops: Board });

/**
 * 积分榜 of the screen: the published 明星党员 and 美德商铺 of the territory shown (its own, the
 * nearest above, else the latest under it). Names masked, no citation, nothing personal.
 */
export async function pointsBoard(db: Db, principal: Principal, q: { node?: string }) {
  const { node } = await viewOf(db, principal, { node: q.node });
  const [stars, shops] = await Promise.all([
    publishedRanking(db, { kind: "starMember", nodePath: node.path, orBelow: true }),
    publishedRanking(db, { kind: "virtueShop", nodePath: node.path, orBelow: true }),
  ]);
  const board = (r: typeof stars) =>
    r && {
      period: r.period,
      entries: r.entries.slice(0, SHOWN).map((e) => ({ rank: e.rank, name: e.name, score: e.score })),
    };
  return { stars: board(stars), shops: board(shops) };
}

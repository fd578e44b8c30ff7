import { and, count, eq, ne } from "drizzle-orm";
import { can, inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Todo } from "../../platform/module/index.ts";
import { merchantByPhone } from "../places/index.ts";
import { myRounds } from "./appraisal/appraise.ts";
import { decidableBy } from "./ledger/claims.ts";
import { pointClaims } from "./ledger/tables.ts";
import { rankings } from "./rankings/tables.ts";
import { redemptions } from "./shop/tables.ts";

/**
 * Points' work: the claims and rankings waiting for the caller's approval (never his own), an open
 * appraisal round he has not yet taken part in, what he redeemed and has not collected, and at a
 * shop the redemptions waiting to be handed over.
 */
export async function pointsTodos(db: Db, principal: Principal): Promise<Todo[]> {
  const todos: Array<Promise<Todo>> = [];
  const queue = (kind: Todo["kind"], link: string, counted: Promise<number>) =>
    todos.push(counted.then((n) => ({ kind, count: n, link })));
  if (can(principal, "points.manage")) {
    const scoped = (path: Parameters<typeof inScope>[2]) => inScope(principal, "points.manage", path);
    queue(
      "points.claims",
      "/admin/points/approvals?decidable=true",
      countOf(
        db
          .select({ n: count() })
          .from(pointClaims)
          .where(and(decidableBy(principal), scoped(pointClaims.territoryPath))),
      ),
    );
    queue(
      "points.rankings",
      "/admin/points/rankings?status=draft",
      countOf(
        db
          .select({ n: count() })
          .from(rankings)
          .where(
            and(
              eq(rankings.status, "draft"),
              ne(rankings.createdBy, principal.userId),
              scoped(rankings.territoryPath),
            ),
          ),
      ),
    );
  }
  if (can(principal, "points.earn")) {
    queue("points.appraisals", "/mobile/points/appraise", roundsToAppraise(db, principal));
    queue(
      "points.redemptions",
      "/mobile/points/redemptions",
      countOf(
        db
          .select({ n: count() })
          .from(redemptions)
          .where(and(eq(redemptions.userId, principal.userId), eq(redemptions.status, "reserved"))),
      ),
    );
  }
  if (can(principal, "points.merchant")) {
    queue(
      "points.deliveries",
      "/mobile/points/scan",
      merchantByPhone(db, principal.phone).then((shop) =>
        shop
          ? countOf(
              db
                .select({ n: count() })
                .from(redemptions)
                .where(and(eq(redemptions.merchantId, shop.id), eq(redemptions.status, "reserved"))),
            )
          : 0,
      ),
    );
  }
  return Promise.all(todos);
}

/** Open rounds of his community with someone he (or his household) has not yet appraised. */
async function roundsToAppraise(db: Db, principal: Principal): Promise<number> {
  const { items } = await myRounds(db, principal);
  return items.filter((round) => round.members.some((m) => m.score === null)).length;
}

const countOf = async (query: PromiseLike<Array<{ n: number }>>): Promise<number> => (await query)[0]?.n ?? 0;

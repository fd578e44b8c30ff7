import { and, count, eq, inArray, ne, notExists, sql } from "drizzle-orm";
import { can, inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Todo } from "../../platform/module/index.ts";
import { memberByPhone, residentByPhone } from "../people/index.ts";
import { merchantByPhone } from "../places/index.ts";
import { appraisalRounds, appraisals } from "./appraisal/tables.ts";
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
    const roles = [...new Set(principal.roles.map((r) => r.role))];
    queue(
      "points.claims",
      "/admin/points/approvals",
      countOf(
        db
          .select({ n: count() })
          .from(pointClaims)
          .where(
            and(
              eq(pointClaims.status, "pending"),
              ne(pointClaims.submittedBy, principal.userId),
              scoped(pointClaims.territoryPath),
              // Only what his role approves: the rule's approver role, or any manager where none.
              sql`(${pointClaims.approverRole} is null or ${inArray(pointClaims.approverRole, roles)})`,
            ),
          ),
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

/**
 * Open rounds of the caller's community he has given no appraisal in yet: as a party member
 * (`member:<id>`) or for his household as a resident (`household:<id>`), as appraisal/ keys them.
 */
async function roundsToAppraise(db: Db, principal: Principal): Promise<number> {
  const [member, resident] = await Promise.all([
    memberByPhone(db, principal.phone),
    residentByPhone(db, principal.phone),
  ]);
  const home = member?.territoryPath ?? resident?.territoryPath;
  if (!home) return 0;
  const keys = [member && `member:${member.id}`, resident && `household:${resident.householdId}`].filter(
    (k): k is string => Boolean(k),
  );
  return countOf(
    db
      .select({ n: count() })
      .from(appraisalRounds)
      .where(
        and(
          eq(appraisalRounds.status, "open"),
          sql`${home} like ${appraisalRounds.territoryPath} || '%'`,
          notExists(
            db
              .select({ one: sql`1` })
              .from(appraisals)
              .where(and(eq(appraisals.roundId, appraisalRounds.id), inArray(appraisals.raterKey, keys))),
          ),
        ),
      ),
  );
}

const countOf = async (query: PromiseLike<Array<{ n: number }>>): Promise<number> => (await query)[0]?.n ?? 0;

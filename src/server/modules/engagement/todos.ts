import { and, count, eq, gte, inArray, isNull, lte, ne } from "drizzle-orm";
import { can, inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Todo } from "../../platform/module/index.ts";
import { chinaDate } from "../cases/index.ts";
import { memberByPhone, membersOfUnit } from "../people/index.ts";
import { mobilisationMembers, mobilisations } from "./mobilisation/tables.ts";
import { reportIns, saturdayRota, serviceRecords, suggestions } from "./tables.ts";
import { unitOfUser } from "./units/unit-staff.ts";
import { visitsDue } from "./visits/visits.ts";
import { memberPromises } from "./walls/tables.ts";

const DAY = 86_400_000;

/**
 * 双报到's work: the community's queues (report-ins, manual records, suggestions, promises), a
 * unit's Saturday on the rota and members still without a letter, and a member's households not
 * yet visited this quarter.
 */
export async function engagementTodos(db: Db, principal: Principal): Promise<Todo[]> {
  const todos: Array<Promise<Todo>> = [];
  const queue = (kind: Todo["kind"], link: string, counted: Promise<number>) =>
    todos.push(counted.then((n) => ({ kind, count: n, link })));
  if (can(principal, "engagement.manage")) {
    const scoped = (path: Parameters<typeof inScope>[2]) => inScope(principal, "engagement.manage", path);
    queue(
      "engagement.reportIns",
      "/admin/engagement/units?tab=review",
      counted(db, reportIns, and(eq(reportIns.status, "pending"), scoped(reportIns.territoryPath))),
    );
    queue(
      "engagement.records",
      "/admin/engagement/records?tab=pending",
      counted(
        db,
        serviceRecords,
        and(eq(serviceRecords.status, "pending"), scoped(serviceRecords.territoryPath)),
      ),
    );
    queue(
      "engagement.suggestions",
      "/admin/engagement/records?tab=suggestions",
      counted(db, suggestions, and(eq(suggestions.status, "pending"), scoped(suggestions.territoryPath))),
    );
    queue(
      "engagement.promises",
      "/admin/engagement/walls",
      counted(
        db,
        memberPromises,
        and(
          eq(memberPromises.status, "pending"),
          eq(memberPromises.year, Number(chinaDate(new Date()).slice(0, 4))),
          scoped(memberPromises.territoryPath),
        ),
      ),
    );
  }
  if (can(principal, "engagement.unit")) {
    const unit = unitOfUser(db, principal.userId);
    const today = chinaDate(new Date());
    const weekAhead = chinaDate(new Date(Date.now() + 7 * DAY));
    queue(
      "engagement.rota",
      "/admin/engagement/units?tab=rota",
      unit.then((id) =>
        id
          ? counted(
              db,
              saturdayRota,
              and(
                eq(saturdayRota.unitId, id),
                gte(saturdayRota.day, today),
                lte(saturdayRota.day, weekAhead),
              ),
            )
          : 0,
      ),
    );
    queue(
      "engagement.letters",
      "/admin/engagement/units?tab=progress",
      unit.then((id) => (id ? withoutLetter(db, id) : 0)),
    );
  }
  if (can(principal, "engagement.serve")) {
    // Only a registered party member has households and call-ups (a liaison may not be one).
    const member = await memberByPhone(db, principal.phone);
    if (member) {
      queue("engagement.visitsDue", "/mobile/engagement/households", visitsDue(db, member));
      queue("engagement.callUps", "/mobile/engagement/call-ups", callUpsWaiting(db, member.id));
    }
  }
  return Promise.all(todos);
}

type Counted =
  | typeof reportIns
  | typeof serviceRecords
  | typeof suggestions
  | typeof memberPromises
  | typeof saturdayRota;

async function counted(db: Db, table: Counted, where: ReturnType<typeof and>): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/** In-service members of the unit with no live report-in this year: their letters are still to issue. */
async function withoutLetter(db: Db, unitId: string): Promise<number> {
  const members = await membersOfUnit(db, unitId);
  if (members.length === 0) return 0;
  const year = Number(chinaDate(new Date()).slice(0, 4));
  const reported = await db
    .select({ memberId: reportIns.memberId })
    .from(reportIns)
    .where(
      and(
        inArray(
          reportIns.memberId,
          members.map((m) => m.id),
        ),
        eq(reportIns.year, year),
        ne(reportIns.status, "returned"),
      ),
    );
  return members.length - new Set(reported.map((r) => r.memberId)).size;
}

/** Call-ups still active that the member has not reported to. */
async function callUpsWaiting(db: Db, memberId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mobilisationMembers)
    .innerJoin(mobilisations, eq(mobilisations.id, mobilisationMembers.mobilisationId))
    .where(
      and(
        eq(mobilisationMembers.memberId, memberId),
        isNull(mobilisationMembers.reportedAt),
        isNull(mobilisations.dissolvedAt),
      ),
    );
  return row?.n ?? 0;
}

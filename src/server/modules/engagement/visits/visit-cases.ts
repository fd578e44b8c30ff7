import { and, eq, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { conflict, notFound } from "../../../platform/errors.ts";
import { submitCase } from "../../cases/index.ts";
import { membersByIds } from "../../people/index.ts";
import { householdVisits } from "../tables.ts";
import { type ConvertedProblem, loadVisit } from "./visits.ts";

/** What a problem found on a visit becomes unless the member picks a category. */
const DEFAULT_CATEGORY = "other";

/**
 * POST /engagement/visits/{id}/problems/{index}/case: a problem found on a visit becomes a case in
 * one tap, placed at the household and reported by the visitor. The case is keyed by the visit and
 * the problem (`sourceRef`), so a double tap, or a retry after a failure between the two writes,
 * makes one case; the problem keeps the case's id and code, and a second tap is 409 with that code.
 */
export async function problemToCase(
  db: Db,
  principal: Principal,
  actor: Actor,
  visitId: string,
  index: number,
  categoryCode = DEFAULT_CATEGORY,
) {
  const { row, visitor, manager } = await loadVisit(db, principal, visitId);
  const problems = row.problems as ConvertedProblem[];
  const problem = problems[index];
  if (!problem) throw notFound("visit problem", String(index));
  if (problem.caseId)
    throw conflict("PROBLEM_ALREADY_CASE", { caseId: problem.caseId, caseCode: problem.caseCode ?? "" });
  const [member] = visitor ? [visitor] : await membersByIds(db, [row.memberId]);
  const submitted = await submitCase(db, actor, {
    // The member found it on his rounds, as a grid worker does on patrol.
    channel: "patrol",
    categoryCode,
    description: `${problem.text}（走访发现）`,
    householdId: row.householdId,
    reporter: {
      userId: row.userId,
      name: member?.name ?? null,
      phone: visitor ? principal.phone : null,
    },
    sourceRef: `visit:${row.id}:${index}`,
    extra: { visitId: row.id, problemIndex: index, enteredByStaff: !visitor && manager },
  });
  const marked = await audited(db, actor, async (tx, audit) => {
    const path = `{${index}}`;
    const [done] = await tx
      .update(householdVisits)
      .set({
        problems: sql`jsonb_set(${householdVisits.problems}, ${path}::text[], (${householdVisits.problems} -> ${index}::int) || ${JSON.stringify({ caseId: submitted.id, caseCode: submitted.code })}::jsonb)`,
      })
      .where(
        and(
          eq(householdVisits.id, row.id),
          sql`(${householdVisits.problems} -> ${index}::int ->> 'caseId') is null`,
        ),
      )
      .returning({ id: householdVisits.id });
    if (!done) return false;
    await audit({
      action: "engagement.visit.case",
      entity: "household_visit",
      entityId: row.id,
      after: { problem: problem.text, caseId: submitted.id, caseCode: submitted.code },
    });
    return true;
  });
  // Two taps at once: the case is one (same sourceRef), and the second tap is told its code.
  if (!marked) throw conflict("PROBLEM_ALREADY_CASE", { caseId: submitted.id, caseCode: submitted.code });
  return { visitId: row.id, index, caseId: submitted.id, caseCode: submitted.code, status: submitted.status };
}

import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import { appraisalResults, appraisalRounds } from "./tables.ts";

export interface RoundResult {
  roundId: string;
  memberId: string;
  territoryPath: string;
  record: number;
  self: number | null;
  peer: number | null;
  resident: number | null;
  total: number;
  /** The reason a member scored 0 (一票否决), else null. */
  vetoed: string | null;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * The results of the closed rounds of a half-year under a node (a community's, a street's, the
 * district's), best total first: what 明星党员 rankings are drawn from.
 */
export async function roundResults(
  executor: Executor,
  f: { nodePath: string; period: string },
): Promise<RoundResult[]> {
  const rows = await executor
    .select({ result: appraisalResults })
    .from(appraisalResults)
    .innerJoin(appraisalRounds, eq(appraisalRounds.id, appraisalResults.roundId))
    .where(
      and(
        eq(appraisalRounds.period, f.period),
        eq(appraisalRounds.status, "closed"),
        sql`${appraisalResults.territoryPath} like ${`${f.nodePath}%`}`,
      ),
    )
    .orderBy(desc(appraisalResults.total), appraisalResults.memberId);
  return rows.map(({ result: r }) => ({
    roundId: r.roundId,
    memberId: r.memberId,
    territoryPath: r.territoryPath,
    record: Number(r.record),
    self: num(r.self),
    peer: num(r.peer),
    resident: num(r.resident),
    total: Number(r.total),
    vetoed: r.vetoed,
  }));
}

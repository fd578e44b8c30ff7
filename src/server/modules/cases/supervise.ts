import type { Principal } from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import type { Notice } from "../../platform/notify/index.ts";
import { holderNotices } from "./holders.ts";
import type { CaseRow } from "./tables.ts";

/**
 * 督办/催办 (flow.md): the street or the district urges whoever holds an open case. The case stays
 * where it is; it is marked supervised by that level, the timeline shows who urged and why, and
 * the people holding it are told in-app.
 */
export type SupervisingLevel = "street" | "district";

const LEVEL_NAME: Record<SupervisingLevel, string> = { street: "街道", district: "区级" };

/** The district when the caller administers the district holding the case, else the street. */
export function supervisingLevel(principal: Principal | null, row: Pick<CaseRow, "territoryPath">) {
  const district = principal?.roles.some(
    (r) => r.role === "districtAdmin" && row.territoryPath.startsWith(r.nodePath),
  );
  return (district ? "district" : "street") satisfies SupervisingLevel;
}

export async function superviseNotices(
  executor: Executor,
  row: CaseRow,
  level: SupervisingLevel,
  note: string | undefined,
): Promise<Notice[]> {
  return holderNotices(executor, row, {
    kind: "case.supervise",
    title: `督办：${row.code} 请尽快办理`,
    body: note ? `${LEVEL_NAME[level]}督办：${note}` : `${LEVEL_NAME[level]}督办，请尽快办理并反馈进展。`,
    data: { supervisedBy: level },
  });
}

import type { Executor } from "../../platform/db/index.ts";
import type { Notice } from "../../platform/notify/index.ts";
import type { CaseStatus } from "./flow.ts";
import { holderUserIds } from "./holders.ts";
import type { CaseRow } from "./tables.ts";

/** What the case waits for in the inbox it arrives in (the names of the homes' to-dos). */
const TITLE: Partial<Record<CaseStatus, string>> = {
  new: "新诉求待收单",
  gridHandling: "诉求待办理",
  communityDispatch: "诉求待分单",
  streetReview: "诉求待审单",
  departmentClaim: "诉求待领单",
};
const EXCERPT = 40;

type Arriving = Pick<
  CaseRow,
  | "id"
  | "code"
  | "status"
  | "description"
  | "territoryPath"
  | "gridId"
  | "communityId"
  | "streetId"
  | "departmentId"
>;

/** The staff page of a case (the phone's own pages open the same case from it). */
export const caseLink = (code: string) => `/admin/cases/${code}`;
/** The reporter's page of his case, where he follows and rates it. */
export const myCaseLink = (code: string) => `/mobile/cases/${code}`;

/**
 * 来件提醒: the people whose inbox a case has just reached (its grid's workers, the community,
 * the street or the department) are told, except the one who put it there (`by`).
 */
export async function arrivalNotices(executor: Executor, rows: Array<Arriving & { by?: string | null }>) {
  const notices: Notice[] = [];
  const holders = new Map<string, Promise<string[]>>();
  for (const row of rows) {
    const title = TITLE[row.status];
    if (!title) continue;
    const key = `${row.status}|${row.departmentId ?? row.territoryPath}`;
    let users = holders.get(key);
    if (!users) {
      users = holderUserIds(executor, row);
      holders.set(key, users);
    }
    const text = row.description.trim().split("\n")[0] ?? "";
    const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
    for (const userId of new Set(await users))
      if (userId !== row.by)
        notices.push({
          userId,
          kind: "case.arrive",
          title,
          body: `${row.code}：${excerpt}`,
          entity: "case",
          entityId: row.id,
          link: caseLink(row.code),
        });
  }
  return notices;
}

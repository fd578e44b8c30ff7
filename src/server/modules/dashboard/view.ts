import { type Principal, scopePaths } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { badRequest, forbidden } from "../../platform/errors.ts";
import { chinaDate, type DayRange, nextDay } from "../cases/index.ts";
import { getNode, nodesByIds, type TerritoryNode } from "../territory/index.ts";
import { DAY_MS, daysBetween } from "./days.ts";

/** What every figure of the command centre is about: a node in the caller's scope and a period. */
export interface View {
  node: TerritoryNode;
  /** China days, `to` exclusive. */
  range: DayRange;
  /** The node's ancestors within the caller's scope, top first (the way back up a drill-down). */
  trail: Array<Pick<TerritoryNode, "id" | "code" | "name" | "level">>;
}

export interface ViewQuery {
  node?: string;
  /** First and last day, inclusive, as a date picker gives them. */
  from?: string;
  to?: string;
}

const DEFAULT_DAYS = 30;
/** Ten years: far beyond any report, short of a runaway loop over days. */
const MAX_DAYS = 3700;

/** The period: the last 30 days up to today unless given; 400 for a reversed or endless one. */
export function rangeOf(q: Pick<ViewQuery, "from" | "to">, today = chinaDate(new Date())): DayRange {
  const last = q.to ?? today;
  const from = q.from ?? new Date(Date.parse(last) - (DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const to = nextDay(last);
  if (from >= to) throw badRequest("INVALID_RANGE", { from, to: last });
  if (daysBetween(from, to) > MAX_DAYS) throw badRequest("INVALID_RANGE", { from, to: last });
  return { from, to };
}

/** The node asked for (404 outside the scope), else the highest node of the caller's scope. */
export async function viewOf(db: Db, principal: Principal, q: ViewQuery): Promise<View> {
  const range = rangeOf(q);
  const scope = scopePaths(principal, "dashboard.read");
  const home = [...scope].sort((a, b) => a.length - b.length)[0];
  if (!home) throw forbidden();
  const nodeId = q.node ?? home.split("/").filter(Boolean).pop() ?? "";
  const node = await getNode(db, principal, nodeId, "dashboard.read");
  const ancestors = node.path.split("/").filter(Boolean).slice(0, -1);
  const visible = (await nodesByIds(db, ancestors)).filter((a) => scope.some((p) => a.path.startsWith(p)));
  const trail = ancestors.flatMap((id) => {
    const a = visible.find((v) => v.id === id);
    return a ? [{ id: a.id, code: a.code, name: a.name, level: a.level }] : [];
  });
  return { node, range, trail };
}

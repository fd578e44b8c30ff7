import type { Executor } from "../../../platform/db/index.ts";
import { unitsByIds } from "../../org/index.ts";
import { membersByIds } from "../../people/index.ts";
import { nodesByIds } from "../../territory/index.ts";

type Named = { id: string; name: string };

/** The names of the units, communities and members a page of rows mentions, in three queries. */
export async function namesOf(
  executor: Executor,
  ids: { units?: string[]; communities?: string[]; members?: string[] },
) {
  const [units, nodes, members] = await Promise.all([
    unitsByIds(executor, [...new Set(ids.units ?? [])]),
    nodesByIds(executor, [...new Set(ids.communities ?? [])]),
    membersByIds(executor, [...new Set(ids.members ?? [])]),
  ]);
  const map = (rows: Named[]) => new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
  const u = map(units);
  const c = map(nodes);
  const m = map(members);
  const pick = (from: Map<string, Named>, id: string) => from.get(id) ?? { id, name: "" };
  return {
    unit: (id: string) => pick(u, id),
    community: (id: string) => pick(c, id),
    member: (id: string) => pick(m, id),
  };
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
/** Today in China, YYYY-MM-DD (or `days` from today). */
export const chinaToday = (now = new Date(), days = 0) =>
  new Date(now.getTime() + CHINA_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
/** This year in China. */
export const chinaYear = (now = new Date()) => Number(chinaToday(now).slice(0, 4));

import { asc, eq } from "drizzle-orm";
import { processCache } from "../../platform/caches.ts";
import type { Executor } from "../../platform/db/index.ts";
import { nodesByIds } from "./service.ts";
import { territoryNodes } from "./tables.ts";

export interface NodeRef {
  id: string;
  code: string;
  name: string;
  path: string;
}

export interface Lineage {
  grid: NodeRef | null;
  community: NodeRef | null;
  street: NodeRef | null;
}

// Paths never change once a node exists, so which nodes lie above one can be kept; their names can
// change (a rename), so a lineage is kept for five seconds (the README's list of per-process caches).
const cache = processCache<string, Lineage>({ max: 50_000, ttl: 5_000 });

/** The grid, community and street on a materialised path (a household's, a building's, a grid's own). */
export async function lineageOf(executor: Executor, path: string): Promise<Lineage> {
  const hit = cache.get(path);
  if (hit) return hit;
  const nodes = await nodesByIds(executor, path.split("/").filter(Boolean));
  const at = (level: string): NodeRef | null => {
    const n = nodes.find((x) => x.level === level);
    return n ? { id: n.id, code: n.code, name: n.name, path: n.path } : null;
  };
  const lineage = { grid: at("grid"), community: at("community"), street: at("street") };
  cache.set(path, lineage);
  return lineage;
}

const prefixes = processCache<"prefix", string>({ max: 1 });
/** The letters the district's grid codes start with (`XG` of `XG-LJ-001`), for other human codes. */
export async function gridCodePrefix(executor: Executor): Promise<string | undefined> {
  const known = prefixes.get("prefix");
  if (known) return known;
  const [first] = await executor
    .select({ code: territoryNodes.code })
    .from(territoryNodes)
    .where(eq(territoryNodes.level, "grid"))
    .orderBy(asc(territoryNodes.code))
    .limit(1);
  const prefix = /^([A-Z]{1,4})-/.exec(first?.code ?? "")?.[1];
  if (prefix) prefixes.set("prefix", prefix);
  return prefix;
}

import { and, inArray, or } from "drizzle-orm";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import { anyText, type Executor } from "../../platform/db/index.ts";
import { partyOrgs, units } from "./tables.ts";

/**
 * Batch lookups for imports, one query per chunk of rows: party organisations by name within the
 * importer's scope, units (work units of in-service members) by name or 统一社会信用代码.
 */
export async function orgsByNames(executor: Executor, principal: Principal, names: string[]) {
  if (names.length === 0) return [];
  return executor
    .select({ id: partyOrgs.id, name: partyOrgs.name, kind: partyOrgs.kind })
    .from(partyOrgs)
    .where(and(anyText(partyOrgs.name, names), inScope(principal, "org.read", partyOrgs.territoryPath)));
}

/** Units by name or USCC, anywhere in the district: a member's employer need not be in his community. */
export async function unitsByRefs(executor: Executor, refs: string[]) {
  if (refs.length === 0) return [];
  return executor
    .select({ id: units.id, name: units.name, uscc: units.uscc })
    .from(units)
    .where(or(anyText(units.name, refs), anyText(units.uscc, refs)));
}

/** Units by id with their names (who claimed a wish, whose member serves) and USCC (pairing checks it). */
export async function unitsByIds(executor: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return executor
    .select({ id: units.id, name: units.name, kind: units.kind, uscc: units.uscc })
    .from(units)
    .where(inArray(units.id, ids));
}

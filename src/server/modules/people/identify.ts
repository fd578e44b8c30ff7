import { eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import type { PiiVault } from "../../platform/pii/index.ts";
import { households, residents } from "./tables.ts";

/**
 * The household of the registered resident with this name and 身份证 number, if both match (a
 * resident binding his account). Undefined whether the number is unknown or the name differs, so
 * the caller cannot tell the two apart.
 */
export async function householdOfResident(
  executor: Executor,
  vault: PiiVault,
  person: { name: string; idNumber: string },
): Promise<{ householdId: string; nodeId: string; territoryPath: string } | undefined> {
  const [row] = await executor
    .select({
      name: residents.name,
      householdId: households.id,
      nodeId: households.nodeId,
      territoryPath: households.territoryPath,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(eq(residents.idIndex, vault.blindIndex(person.idNumber)));
  if (!row || row.name !== person.name.trim()) return undefined;
  return { householdId: row.householdId, nodeId: row.nodeId, territoryPath: row.territoryPath };
}

import { and, asc, eq, max } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/errors.ts";
import { WORDS } from "../../platform/i18n/words.ts";
import { GRID_TYPES, gridTypes } from "./tables.ts";

export type GridTypeRow = typeof gridTypes.$inferSelect;

/** First start (demo or not), and every start after: the four built-in types, each once. */
export async function ensureGridTypes(executor: Executor): Promise<void> {
  await executor
    .insert(gridTypes)
    .values(
      GRID_TYPES.map((code, i) => ({
        code,
        name: WORDS["zh-CN"].territory.gridTypes[code],
        nameEn: WORDS.en.territory.gridTypes[code],
        sortOrder: i,
      })),
    )
    .onConflictDoNothing();
}

/** The grid types in their order; deactivated ones too when asked (the settings page). */
export async function listGridTypes(executor: Executor, all = false): Promise<GridTypeRow[]> {
  return executor
    .select()
    .from(gridTypes)
    .where(all ? undefined : eq(gridTypes.active, true))
    .orderBy(asc(gridTypes.sortOrder), asc(gridTypes.code));
}

/** An active grid type's code, or 422 UNKNOWN_GRID_TYPE naming the ones there are. */
export async function activeGridType(executor: Executor, code: string): Promise<string> {
  const [row] = await executor
    .select({ code: gridTypes.code })
    .from(gridTypes)
    .where(and(eq(gridTypes.code, code), eq(gridTypes.active, true)));
  if (row) return row.code;
  const known = await listGridTypes(executor);
  throw unprocessable("UNKNOWN_GRID_TYPE", {
    field: "gridType",
    gridType: code,
    known: known.map((t) => t.code),
  });
}

/** Grid types are the district's words: only its administrators change them. */
function assertDistrictAdmin(principal: Principal) {
  if (!principal.roles.some((r) => r.role === "districtAdmin")) throw forbidden();
}

export async function createGridType(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { code: string; name: string; nameEn: string; sortOrder?: number },
): Promise<GridTypeRow> {
  assertDistrictAdmin(principal);
  return audited(db, actor, async (tx, audit) => {
    const [last] = await tx.select({ n: max(gridTypes.sortOrder) }).from(gridTypes);
    const [row] = await tx
      .insert(gridTypes)
      .values({
        code: input.code,
        name: input.name.trim(),
        nameEn: input.nameEn.trim() || input.name.trim(),
        sortOrder: input.sortOrder ?? (last?.n ?? 0) + 1,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("GRID_TYPE_EXISTS", { field: "code", code: input.code });
    await audit({ action: "territory.gridType.create", entity: "gridType", entityId: row.code, after: row });
    return row;
  });
}

/** Renames, reorders, deactivates or reactivates a grid type; grids of a deactivated type keep it. */
export async function updateGridType(
  db: Db,
  principal: Principal,
  actor: Actor,
  code: string,
  patch: { name?: string; nameEn?: string; sortOrder?: number; active?: boolean },
): Promise<GridTypeRow> {
  assertDistrictAdmin(principal);
  return audited(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(gridTypes).where(eq(gridTypes.code, code));
    if (!before) throw notFound("gridType", code);
    const [after] = await tx
      .update(gridTypes)
      .set({
        ...patch,
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.nameEn !== undefined ? { nameEn: patch.nameEn.trim() } : {}),
      })
      .where(eq(gridTypes.code, code))
      .returning();
    if (!after) throw notFound("gridType", code);
    const action =
      before.active === after.active
        ? "territory.gridType.update"
        : after.active
          ? "territory.gridType.activate"
          : "territory.gridType.deactivate";
    await audit({ action, entity: "gridType", entityId: code, before, after });
    return after;
  });
}

import { count, eq, max } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { SKILL_CODES } from "../volunteering/index.ts";
import { forgetOrderCategories, type OrderCategory } from "./categories.ts";
import { orderCategories, orders } from "./tables.ts";

export interface OrderCategoryFields {
  name: string;
  nameEn: string;
  onSiteMinutes: number;
  skill: string | null;
  sortOrder: number;
}

/** The skill must be one a volunteer can offer, or none. */
function checkSkill(skill: string | null | undefined) {
  if (skill && !(SKILL_CODES as readonly string[]).includes(skill))
    throw unprocessable("UNKNOWN_SKILL", { field: "skill", skill, known: SKILL_CODES });
}

/** A new kind of service (服务类别) to publish orders in. */
export async function createOrderCategory(
  db: Db,
  actor: Actor,
  input: Omit<OrderCategoryFields, "sortOrder"> & { code: string; sortOrder?: number },
): Promise<OrderCategory> {
  checkSkill(input.skill);
  const row = await audited(db, actor, async (tx, audit) => {
    const [last] = await tx.select({ n: max(orderCategories.sortOrder) }).from(orderCategories);
    const [row] = await tx
      .insert(orderCategories)
      .values({
        code: input.code,
        name: input.name.trim(),
        nameEn: input.nameEn.trim(),
        onSiteMinutes: input.onSiteMinutes,
        skill: input.skill,
        sortOrder: input.sortOrder ?? (last?.n ?? 0) + 1,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("ORDER_CATEGORY_EXISTS", { field: "code", code: input.code });
    await audit({
      action: "orders.category.create",
      entity: "orderCategory",
      entityId: row.code,
      after: row,
    });
    return row;
  });
  forgetOrderCategories();
  return row;
}

export async function updateOrderCategory(
  db: Db,
  actor: Actor,
  code: string,
  patch: Partial<OrderCategoryFields>,
): Promise<OrderCategory> {
  checkSkill(patch.skill);
  const row = await audited(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(orderCategories).where(eq(orderCategories.code, code));
    if (!before) throw notFound("orderCategory", code);
    const [after] = await tx
      .update(orderCategories)
      .set({
        ...patch,
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.nameEn !== undefined ? { nameEn: patch.nameEn.trim() } : {}),
      })
      .where(eq(orderCategories.code, code))
      .returning();
    if (!after) throw notFound("orderCategory", code);
    await audit({ action: "orders.category.update", entity: "orderCategory", entityId: code, before, after });
    return after;
  });
  forgetOrderCategories();
  return row;
}

/**
 * Removes a category no order was ever published in (a mistake, a service never offered); one in
 * use stays, so old orders keep their name (409 ORDER_CATEGORY_IN_USE).
 */
export async function removeOrderCategory(db: Db, actor: Actor, code: string): Promise<void> {
  await audited(db, actor, async (tx, audit) => {
    const [before] = await tx
      .select()
      .from(orderCategories)
      .where(eq(orderCategories.code, code))
      .for("update");
    if (!before) throw notFound("orderCategory", code);
    const [used] = await tx.select({ n: count() }).from(orders).where(eq(orders.categoryCode, code));
    if ((used?.n ?? 0) > 0) throw conflict("ORDER_CATEGORY_IN_USE", { code, count: used?.n ?? 0 });
    await tx.delete(orderCategories).where(eq(orderCategories.code, code));
    await audit({ action: "orders.category.remove", entity: "orderCategory", entityId: code, before });
  });
  forgetOrderCategories();
}

import { asc, eq, inArray } from "drizzle-orm";
import { processCache } from "../../platform/caches.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { unprocessable } from "../../platform/errors.ts";
import type { CaseStatus } from "./flow.ts";
import { caseCategories, departmentStaff, departments } from "./tables.ts";

export type Category = typeof caseCategories.$inferSelect;
export type Department = typeof departments.$inferSelect;

// Categories change rarely (as data) and every intake reads one: each process keeps one for five
// seconds, so a change reaches every process within that (README: what each process keeps).
const categoryCache = processCache<string, Category>({ max: 500, ttl: 5_000 });

/** An active category, or 422 UNKNOWN_CATEGORY naming the ones that exist. */
export async function categoryByCode(db: Db, code: string): Promise<Category> {
  const hit = categoryCache.get(code);
  if (hit) return hit;
  const [row] = await db.select().from(caseCategories).where(eq(caseCategories.code, code));
  if (!row?.active) {
    const known = await listCategories(db);
    throw unprocessable("UNKNOWN_CATEGORY", {
      field: "categoryCode",
      category: code,
      known: known.map((c) => c.code),
    });
  }
  categoryCache.set(code, row);
  return row;
}

/** After an edit: this process reads the category afresh at once (the others within five seconds). */
export function forgetCategory(code: string): void {
  categoryCache.delete(code);
}

/** Every category, deactivated ones too: the settings page, and the names of older cases. */
export async function allCategories(db: Executor): Promise<Category[]> {
  return db.select().from(caseCategories).orderBy(asc(caseCategories.sortOrder), asc(caseCategories.code));
}

export async function listCategories(db: Executor): Promise<Category[]> {
  return db
    .select()
    .from(caseCategories)
    .where(eq(caseCategories.active, true))
    .orderBy(asc(caseCategories.sortOrder), asc(caseCategories.code));
}

export async function listDepartments(db: Executor): Promise<Department[]> {
  return db.select().from(departments).orderBy(asc(departments.sortOrder), asc(departments.code));
}

export async function departmentByCode(executor: Executor, code: string): Promise<Department | undefined> {
  const [row] = await executor.select().from(departments).where(eq(departments.code, code));
  return row;
}

export async function departmentsByIds(executor: Executor, ids: string[]): Promise<Department[]> {
  if (ids.length === 0) return [];
  return executor.select().from(departments).where(inArray(departments.id, ids));
}

/** The departments a user works for (department staff). */
export async function departmentsOfUser(executor: Executor, userId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: departmentStaff.departmentId })
    .from(departmentStaff)
    .where(eq(departmentStaff.userId, userId));
  return rows.map((r) => r.id);
}

/** The users who work for any of the departments (for notices). */
export async function departmentUserIds(executor: Executor, departmentIds: string[]): Promise<string[]> {
  if (departmentIds.length === 0) return [];
  const rows = await executor
    .selectDistinct({ userId: departmentStaff.userId })
    .from(departmentStaff)
    .where(inArray(departmentStaff.departmentId, departmentIds));
  return rows.map((r) => r.userId);
}

export async function addDepartmentStaff(executor: Executor, departmentCode: string, userId: string) {
  const department = await departmentByCode(executor, departmentCode);
  if (!department) throw unprocessable("UNKNOWN_DEPARTMENT", { department: departmentCode });
  await executor
    .insert(departmentStaff)
    .values({ departmentId: department.id, userId })
    .onConflictDoNothing();
}

/** An account's department (accounts' `assignDepartment` hook): one department, or none. */
export async function assignDepartment(tx: Executor, userId: string, departmentId: string | null) {
  await tx.delete(departmentStaff).where(eq(departmentStaff.userId, userId));
  if (!departmentId) return;
  const [department] = await departmentsByIds(tx, [departmentId]);
  if (!department) throw unprocessable("UNKNOWN_DEPARTMENT", { department: departmentId });
  await tx.insert(departmentStaff).values({ departmentId, userId });
}

/** R2: the category decides where a new case starts. */
export function routeTo(
  category: Category,
  hasGrid: boolean,
): { status: CaseStatus; departmentCode?: string } {
  if (category.defaultLevel === "department" && category.departmentCode)
    return { status: "departmentClaim", departmentCode: category.departmentCode };
  if (category.defaultLevel === "grid" && hasGrid) return { status: "new" };
  return { status: "communityDispatch" };
}

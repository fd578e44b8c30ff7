import { eq, max } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { type Category, type Department, departmentByCode, forgetCategory } from "./catalog.ts";
import type { HandlerLevel } from "./flow.ts";
import { type CategoryQuestion, caseCategories, departments } from "./tables.ts";

/** The category one-key calls file their cases in (devices/service.ts): it stays active. */
const DEVICE_CATEGORY = "elderlyHelp";

export interface CategoryFields {
  name: string;
  nameEn: string;
  description: string;
  defaultLevel: HandlerLevel;
  departmentCode: string | null;
  responseMinutes: number;
  resolveMinutes: number;
  remindMinutes: number;
  duplicateMeters: number;
  duplicateHours: number;
  questions: CategoryQuestion[];
  sortOrder: number;
  active: boolean;
}

/** What a category must satisfy however it was written: each broken rule is one 422 naming it. */
async function checked(executor: Executor, code: string, c: CategoryFields): Promise<CategoryFields> {
  let departmentCode: string | null = null;
  if (c.defaultLevel === "department") {
    if (!c.departmentCode) throw unprocessable("CATEGORY_DEPARTMENT_REQUIRED", { field: "departmentCode" });
    const department = await departmentByCode(executor, c.departmentCode);
    if (!department)
      throw unprocessable("UNKNOWN_DEPARTMENT", { field: "departmentCode", department: c.departmentCode });
    departmentCode = department.code;
  }
  if (c.responseMinutes > c.resolveMinutes)
    throw unprocessable("CATEGORY_RESPONSE_TOO_LONG", { field: "responseMinutes" });
  if (c.remindMinutes >= c.responseMinutes || c.remindMinutes >= c.resolveMinutes)
    throw unprocessable("CATEGORY_REMIND_TOO_LONG", { field: "remindMinutes" });
  const questions = c.questions.map(checkQuestion);
  const codes = new Set<string>();
  for (const q of questions) {
    if (codes.has(q.code)) throw questionError(q, { "zh-CN": "编码重复", en: "its code is used twice" });
    codes.add(q.code);
  }
  if (!c.active && code === DEVICE_CATEGORY)
    throw unprocessable("CATEGORY_NEEDED_BY_DEVICES", { field: "active" });
  return {
    ...c,
    name: c.name.trim(),
    nameEn: c.nameEn.trim(),
    description: c.description.trim(),
    departmentCode,
    questions,
  };
}

const questionError = (q: CategoryQuestion, reason: { "zh-CN": string; en: string }) =>
  unprocessable("CATEGORY_QUESTION_INVALID", {
    field: "questions",
    question: q.code,
    label: q.label,
    reason,
  });

function checkQuestion(q: CategoryQuestion): CategoryQuestion {
  const base = {
    code: q.code,
    label: q.label.trim(),
    labelEn: q.labelEn.trim(),
    datatype: q.datatype,
    required: q.required,
  };
  if (q.datatype !== "singlevaluelist") return base;
  const values = (q.values ?? []).map((v) => ({ key: v.key.trim(), name: v.name.trim() }));
  if (values.length < 2)
    throw questionError(q, { "zh-CN": "单选题至少要有两个选项", en: "a choice needs at least two options" });
  if (new Set(values.map((v) => v.key)).size !== values.length)
    throw questionError(q, { "zh-CN": "选项编码重复", en: "two options have the same code" });
  return { ...base, values };
}

async function categoryRow(executor: Executor, code: string): Promise<Category> {
  const [row] = await executor.select().from(caseCategories).where(eq(caseCategories.code, code));
  if (!row) throw notFound("category", code);
  return row;
}

/** A new case category; at the end of the list unless a sort order is given. */
export async function createCategory(
  db: Db,
  actor: Actor,
  input: Omit<CategoryFields, "sortOrder" | "active"> & { code: string; sortOrder?: number },
): Promise<Category> {
  return audited(db, actor, async (tx, audit) => {
    const [last] = await tx.select({ n: max(caseCategories.sortOrder) }).from(caseCategories);
    const fields = await checked(tx, input.code, {
      ...input,
      sortOrder: input.sortOrder ?? (last?.n ?? 0) + 1,
      active: true,
    });
    const [row] = await tx
      .insert(caseCategories)
      .values({ code: input.code, ...fields })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("CATEGORY_EXISTS", { field: "code", code: input.code });
    await audit({ action: "cases.category.create", entity: "caseCategory", entityId: row.code, after: row });
    return row;
  });
}

/** Changes to a category: new cases follow them (this process at once, the others within 5 s). */
export async function updateCategory(
  db: Db,
  actor: Actor,
  code: string,
  patch: Partial<CategoryFields>,
): Promise<Category> {
  const row = await audited(db, actor, async (tx, audit) => {
    const before = await categoryRow(tx, code);
    const { code: _, ...current } = before;
    const fields = await checked(tx, code, { ...current, ...patch });
    const [after] = await tx
      .update(caseCategories)
      .set(fields)
      .where(eq(caseCategories.code, code))
      .returning();
    if (!after) throw notFound("category", code);
    const action =
      before.active !== after.active
        ? after.active
          ? "cases.category.activate"
          : "cases.category.deactivate"
        : "cases.category.update";
    await audit({ action, entity: "caseCategory", entityId: code, before, after });
    return after;
  });
  forgetCategory(code);
  return row;
}

export interface DepartmentFields {
  name: string;
  nameEn: string;
  sortOrder?: number;
}

/** A new department (职能部门) that cases can be routed and whistled to. */
export async function createDepartment(
  db: Db,
  actor: Actor,
  input: DepartmentFields & { code: string },
): Promise<Department> {
  return audited(db, actor, async (tx, audit) => {
    const [last] = await tx.select({ n: max(departments.sortOrder) }).from(departments);
    const [row] = await tx
      .insert(departments)
      .values({
        code: input.code,
        name: input.name.trim(),
        nameEn: input.nameEn.trim(),
        sortOrder: input.sortOrder ?? (last?.n ?? 0) + 1,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("DEPARTMENT_EXISTS", { field: "code", code: input.code });
    await audit({ action: "cases.department.create", entity: "department", entityId: row.id, after: row });
    return row;
  });
}

/** Renames (or reorders) a department; its code, staff and cases stay. */
export async function updateDepartment(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<DepartmentFields>,
): Promise<Department> {
  return audited(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(departments).where(eq(departments.id, id));
    if (!before) throw notFound("department", id);
    const [after] = await tx
      .update(departments)
      .set({
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.nameEn !== undefined ? { nameEn: patch.nameEn.trim() } : {}),
        ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
      })
      .where(eq(departments.id, id))
      .returning();
    if (!after) throw notFound("department", id);
    await audit({ action: "cases.department.update", entity: "department", entityId: id, before, after });
    return after;
  });
}

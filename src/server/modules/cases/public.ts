import { and, desc, eq, gte, inArray, lte, notInArray, type SQL } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { FINISHED_STATUSES } from "./flow.ts";
import { type CaseRow, cases } from "./tables.ts";

export interface PublicCaseFilter {
  codes?: string[];
  categoryCodes?: string[];
  from?: Date;
  to?: Date;
  /** true: finished cases only; false: open ones only. */
  finished?: boolean;
  limit: number;
}

/**
 * Rows for public readers (Open311) that apply no territory scope: the caller decides what of
 * each row may be shown, and must show no personal data.
 */
export async function findCaseRows(executor: Executor, f: PublicCaseFilter): Promise<CaseRow[]> {
  const where: SQL[] = [];
  if (f.codes) where.push(inArray(cases.code, f.codes));
  if (f.categoryCodes) where.push(inArray(cases.categoryCode, f.categoryCodes));
  if (f.from) where.push(gte(cases.createdAt, f.from));
  if (f.to) where.push(lte(cases.createdAt, f.to));
  if (f.finished !== undefined)
    where.push(
      f.finished
        ? inArray(cases.status, [...FINISHED_STATUSES])
        : notInArray(cases.status, [...FINISHED_STATUSES]),
    );
  return executor
    .select()
    .from(cases)
    .where(and(...where))
    .orderBy(desc(cases.createdAt), desc(cases.code))
    .limit(f.limit);
}

export async function caseRowByCode(executor: Executor, code: string): Promise<CaseRow | undefined> {
  const [row] = await executor.select().from(cases).where(eq(cases.code, code.toUpperCase()));
  return row;
}

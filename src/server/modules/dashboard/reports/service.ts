import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import { type Actor, audited, SYSTEM } from "../../../platform/audit/index.ts";
import { inScope, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { badRequest, notFound } from "../../../platform/errors.ts";
import { storeBytes } from "../../../platform/files/index.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { asBuffer, inWorker } from "../../../platform/workers/index.ts";
import { XLSX_TYPE } from "../../../platform/xlsx/index.ts";
import {
  chinaDate,
  departmentsByIds,
  departmentsOfUser,
  firstOfNextMonth,
  listDepartments,
} from "../../cases/index.ts";
import { areasBelow, getNode } from "../../territory/index.ts";
import { type ReportKind, type ReportSubject, reports } from "../tables.ts";
import { gatherReport } from "./gather.ts";
import type * as render from "./render.ts";

export type ReportRow = typeof reports.$inferSelect;
export interface ReportRequest {
  kind: ReportKind;
  /** `2026-11` for a month, `2026-Q4` for a quarter. */
  period: string;
  subjectType: ReportSubject;
  subjectId: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The first day of a period and the first day after it; 400 for a malformed or future one. */
export function periodOf(kind: ReportKind, period: string, today = chinaDate(new Date())) {
  const m = kind === "monthly" ? MONTH.exec(period) : QUARTER.exec(period);
  if (!m) throw badRequest("INVALID_PERIOD", { period });
  const startMonth = kind === "monthly" ? Number(m[2]) : (Number(m[2]) - 1) * 3 + 1;
  const start = `${m[1]}-${String(startMonth).padStart(2, "0")}-01`;
  let end = firstOfNextMonth(start);
  if (kind === "quarterly") end = firstOfNextMonth(firstOfNextMonth(end));
  if (start > today) throw badRequest("INVALID_PERIOD", { period });
  return { start, end };
}

/** Area reports (community, street, district) in the caller's scope; a department's staff also read their department's. */
async function readable(db: Db, principal: Principal): Promise<SQL> {
  const departments = await departmentsOfUser(db, principal.userId);
  const clauses = [inScope(principal, "reports.read", reports.territoryPath)];
  if (departments.length > 0)
    clauses.push(and(eq(reports.subjectType, "department"), inArray(reports.subjectId, departments)) as SQL);
  return or(...clauses) as SQL;
}

export async function listReports(
  db: Db,
  principal: Principal,
  f: Paging & { kind?: ReportKind; subjectType?: ReportSubject },
) {
  const where = [await readable(db, principal)];
  if (f.kind) where.push(eq(reports.kind, f.kind));
  if (f.subjectType) where.push(eq(reports.subjectType, f.subjectType));
  const { rows, total } = await selectPage(
    db,
    reports,
    and(...where),
    [desc(reports.periodStart), desc(reports.createdAt), asc(reports.subjectName)],
    f,
  );
  return { items: rows.map(present), total };
}

export async function getReport(db: Db, principal: Principal, id: string): Promise<ReportRow> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.id, id), await readable(db, principal)));
  if (!row) throw notFound("report", id);
  return row;
}

const AREA_WORDS = {
  street: { "zh-CN": "街道", en: "street" },
  district: { "zh-CN": "区县", en: "district" },
} as const;

/** What the subject of a new report is, checked against the caller's scope (404 outside it). */
async function subjectOf(db: Db, principal: Principal, r: ReportRequest) {
  if (r.subjectType !== "department") {
    // An area in the caller's reach: street staff their street, a district administrator any.
    const node = await getNode(db, principal, r.subjectId, "reports.read");
    if (node.level !== r.subjectType)
      throw r.subjectType === "community"
        ? badRequest("NOT_A_COMMUNITY", { level: node.level })
        : badRequest("WRONG_REPORT_AREA", { level: node.level, expected: AREA_WORDS[r.subjectType] });
    return { name: node.name, path: node.path };
  }
  const [department] = await departmentsByIds(db, [r.subjectId]);
  const own = (await departmentsOfUser(db, principal.userId)).includes(r.subjectId);
  // A department's report covers the whole district: its staff, or the district's administrators.
  const district = scopePaths(principal, "reports.read").find(
    (p) => p.split("/").filter(Boolean).length === 1,
  );
  const path =
    district ?? (own ? principal.roles.find((role) => role.role === "departmentStaff")?.nodePath : undefined);
  if (!department || !path) throw notFound("department", r.subjectId);
  return { name: department.name, path: `/${path.split("/").filter(Boolean)[0]}/` };
}

/** Asks for a report (again): it is written by the report job, pending until then. */
export async function requestReport(db: Db, principal: Principal, actor: Actor, r: ReportRequest) {
  const { start, end } = periodOf(r.kind, r.period);
  const subject = await subjectOf(db, principal, r);
  return audited(db, actor, async (tx, audit) => {
    const values = {
      kind: r.kind,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      subjectName: subject.name,
      territoryPath: subject.path,
      periodStart: start,
      periodEnd: end,
      status: "pending" as const,
      error: null,
      requestedBy: principal.userId,
    };
    const [row] = await tx
      .insert(reports)
      .values(values)
      .onConflictDoUpdate({
        target: [reports.kind, reports.subjectType, reports.subjectId, reports.periodStart],
        set: values,
      })
      .returning();
    if (!row) throw new Error("report upsert returned nothing");
    await audit({ action: "reports.request", entity: "report", entityId: row.id, after: values });
    return row;
  });
}

/**
 * The reports due for a finished month (and quarter, after its last month), for every district,
 * street, community and department of every district; missing ones only, so a re-run adds nothing.
 */
export async function scheduleDueReports(db: Db, today = chinaDate(new Date())): Promise<ReportRow[]> {
  const thisMonth = `${today.slice(0, 7)}-01`;
  const lastMonth = previousMonth(thisMonth);
  const periods: Array<{ kind: ReportKind; start: string; end: string }> = [
    { kind: "monthly", start: lastMonth, end: thisMonth },
  ];
  if ((Number(thisMonth.slice(5, 7)) - 1) % 3 === 0)
    periods.push({ kind: "quarterly", start: previousMonth(previousMonth(lastMonth)), end: thisMonth });
  const districts = await areasBelow(db, "/", "district");
  const departments = await listDepartments(db);
  const subjects: Array<{
    subjectType: ReportSubject;
    subjectId: string;
    subjectName: string;
    territoryPath: string;
  }> = [];
  for (const district of districts) {
    const areas = [
      district,
      ...(await areasBelow(db, district.path, "street")),
      ...(await areasBelow(db, district.path, "community")),
    ];
    for (const a of areas)
      subjects.push({
        subjectType: a.level as "district" | "street" | "community",
        subjectId: a.id,
        subjectName: a.name,
        territoryPath: a.path,
      });
    for (const d of departments)
      subjects.push({
        subjectType: "department",
        subjectId: d.id,
        subjectName: d.name,
        territoryPath: district.path,
      });
  }
  return audited(db, SYSTEM, async (tx, audit) => {
    const rows = periods.flatMap((p) =>
      subjects.map((s) => ({ ...s, kind: p.kind, periodStart: p.start, periodEnd: p.end })),
    );
    if (rows.length === 0) return [];
    const added = await tx.insert(reports).values(rows).onConflictDoNothing().returning();
    if (added.length > 0)
      await audit({ action: "reports.schedule", entity: "report", after: { count: added.length, periods } });
    return added;
  });
}

const previousMonth = (first: string) => {
  const [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, "0")}-01`;
};

/** The files are drawn in worker threads from the gathered figures (plain data), off the event loop. */
const renderInWorker = inWorker<typeof render>(new URL("./render.ts", import.meta.url));

/** Writes a pending report's .xlsx and PDF; a failure is kept on the report for the reader to see. */
export async function generateReport(db: Db, dataDir: string, id: string): Promise<void> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  if (!row) return;
  try {
    const data = await gatherReport(db, row);
    const [xlsx, pdf] = await Promise.all([renderInWorker("xlsx", data), renderInWorker("pdf", data)]);
    await audited(db, SYSTEM, async (tx, audit) => {
      const x = await storeBytes(tx, audit, dataDir, null, { bytes: asBuffer(xlsx), mime: XLSX_TYPE });
      const p = await storeBytes(tx, audit, dataDir, null, { bytes: asBuffer(pdf), mime: "application/pdf" });
      await tx
        .update(reports)
        .set({ status: "ready", xlsxFileId: x.id, pdfFileId: p.id, error: null, generatedAt: new Date() })
        .where(eq(reports.id, id));
      await audit({
        action: "reports.generate",
        entity: "report",
        entityId: id,
        after: { xlsx: x.id, pdf: p.id },
      });
    });
  } catch (err) {
    await db
      .update(reports)
      .set({ status: "failed", error: err instanceof Error ? err.message : String(err) })
      .where(eq(reports.id, id));
    throw err;
  }
}

function present(r: ReportRow) {
  return {
    id: r.id,
    kind: r.kind,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    generatedAt: r.generatedAt?.toISOString() ?? null,
    files:
      r.status === "ready"
        ? { xlsx: `/api/v1/dashboard/reports/${r.id}/xlsx`, pdf: `/api/v1/dashboard/reports/${r.id}/pdf` }
        : null,
  };
}

export { present as presentReport };

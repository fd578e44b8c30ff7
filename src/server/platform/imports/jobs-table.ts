import { and, count, desc, eq, exists, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type Permission, type Principal, ROLES, roleGrants, scopePaths } from "../auth/index.ts";
import type { Executor } from "../db/index.ts";
import { conflict, notFound } from "../errors.ts";
import { files } from "../files/index.ts";
import { type Paging, pageWindow } from "../http/paging.ts";
import type { Importer } from "./registry.ts";
import { type ImportStatus, importJobs, type RowProblem } from "./tables.ts";

export type ImportJob = typeof importJobs.$inferSelect;

/**
 * The job's state machine, in one table: checked files wait for confirmation, rejected ones (any
 * problem) never go further; writing ends done or failed, and a failure writes nothing. A job that
 * stays open for a day (never confirmed, or its check or write died) expires and loses its file.
 */
export const TRANSITIONS: Record<ImportStatus, readonly ImportStatus[]> = {
  checking: ["checked", "rejected", "failed", "expired"],
  checked: ["writing", "expired"],
  rejected: [],
  writing: ["done", "failed", "expired"],
  done: [],
  failed: [],
  expired: [],
};

/** The states a job may still leave on its own; a day in one of them and it expires. */
export const OPEN_STATUSES = (Object.keys(TRANSITIONS) as ImportStatus[]).filter((s) =>
  TRANSITIONS[s].includes("expired"),
);

/** What the job keeps of its uploader: enough to check scope later, no credential. */
export type PrincipalSnapshot = Omit<Principal, "credentialId">;

export const snapshotOf = ({ credentialId: _c, ...rest }: Principal): PrincipalSnapshot => rest;
export const principalFrom = (snapshot: unknown): Principal => ({
  ...(snapshot as PrincipalSnapshot),
  credentialId: "",
});

/** How many problems the job row keeps for the page; all of them are in the report file. */
export const KEPT_PROBLEMS = 500;

/**
 * Who may see a job: its uploader, and staff whose scope (for the kind's permission) covers a node
 * the uploader imported for. The uploader's roles are read from the job's principal snapshot.
 */
export function visibleTo(viewer: Principal, importers: readonly Importer[]): SQL {
  const clauses: SQL[] = [eq(importJobs.createdBy, viewer.userId)];
  const byPermission = new Map<Permission, string[]>();
  for (const importer of importers)
    byPermission.set(importer.permission, [...(byPermission.get(importer.permission) ?? []), importer.kind]);
  for (const [permission, kinds] of byPermission) {
    const paths = scopePaths(viewer, permission);
    if (paths.length === 0) continue;
    const roles = ROLES.filter((r) => roleGrants(r, permission));
    const list = (values: string[]) =>
      sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      );
    const under = sql.join(
      paths.map((p) => sql`r->>'nodePath' like ${`${p}%`}`),
      sql` or `,
    );
    clauses.push(sql`(${importJobs.kind} in (${list(kinds)}) and exists (
      select 1 from jsonb_array_elements(${importJobs.principal}->'roles') r
      where r->>'role' in (${list(roles)}) and (${under})))`);
  }
  return sql`(${sql.join(clauses, sql` or `)})`;
}

export async function getJob(
  executor: Executor,
  viewer: Principal,
  importers: readonly Importer[],
  id: string,
): Promise<ImportJob> {
  const [job] = await executor
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), visibleTo(viewer, importers)));
  if (!job) throw notFound("import", id);
  return job;
}

export async function listJobs(
  executor: Executor,
  viewer: Principal,
  importers: readonly Importer[],
  f: Paging & { mine?: boolean },
) {
  const where = and(
    visibleTo(viewer, importers),
    f.mine ? eq(importJobs.createdBy, viewer.userId) : undefined,
  );
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    executor
      .select()
      .from(importJobs)
      .where(where)
      .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
      .limit(limit)
      .offset(offset),
    executor.select({ n: count() }).from(importJobs).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}

/**
 * Moves a job from one status to the next in one conditional UPDATE (two confirmations at once:
 * one wins). Returns the updated job, or undefined when it was not in `from`.
 */
export async function moveJob(
  executor: Executor,
  id: string,
  from: ImportStatus,
  to: ImportStatus,
  set: Partial<Omit<ImportJob, "id" | "status">> = {},
): Promise<ImportJob | undefined> {
  if (!TRANSITIONS[from].includes(to)) throw new Error(`import: no transition ${from} → ${to}`);
  const finished = TRANSITIONS[to].length === 0;
  const [job] = await executor
    .update(importJobs)
    .set({ ...set, status: to, updatedAt: new Date(), ...(finished ? { finishedAt: new Date() } : {}) })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, from)))
    .returning();
  return job;
}

/** 409 with the current status: the action does not fit the job's state. */
export const illegalTransition = (job: ImportJob, action: "confirm") =>
  conflict("ILLEGAL_TRANSITION", {
    status: job.status,
    action,
    allowed: TRANSITIONS[job.status],
  });

/**
 * Jobs that last moved before `before` and still hold something to clear: open ones (to expire),
 * a report, or an upload whose deletion a crash interrupted.
 */
export function staleJobs(executor: Executor, before: Date) {
  const uploadLeft = executor.select({ id: files.id }).from(files).where(eq(files.id, importJobs.fileId));
  return executor
    .select({
      id: importJobs.id,
      status: importJobs.status,
      fileId: importJobs.fileId,
      reportFileId: importJobs.reportFileId,
    })
    .from(importJobs)
    .where(
      and(
        lt(importJobs.updatedAt, before),
        or(inArray(importJobs.status, OPEN_STATUSES), isNotNull(importJobs.reportFileId), exists(uploadLeft)),
      ),
    );
}

/** Unlinks a job from its report (the page then offers none), if it still names that one. */
export async function forgetReport(executor: Executor, id: string, reportFileId: string): Promise<boolean> {
  const rows = await executor
    .update(importJobs)
    .set({ reportFileId: null })
    .where(and(eq(importJobs.id, id), eq(importJobs.reportFileId, reportFileId)))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

/** Progress counters, outside any transaction so the page sees them as they move. */
export async function recordProgress(
  executor: Executor,
  id: string,
  counts: Partial<Pick<ImportJob, "rowsTotal" | "rowsChecked" | "rowsWritten">>,
): Promise<void> {
  await executor
    .update(importJobs)
    .set({ ...counts, updatedAt: new Date() })
    .where(eq(importJobs.id, id));
}

export type { RowProblem };

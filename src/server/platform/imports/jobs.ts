import { eq } from "drizzle-orm";
import { type Actor, audited, SYSTEM } from "../audit/index.ts";
import { type Db, writeParallelism } from "../db/index.ts";
import { AppError, unprocessable } from "../errors.ts";
import { deleteStoredFiles, readSealed, storeSealed, sweepTemporaryFiles } from "../files/index.ts";
import type { PiiVault } from "../pii/index.ts";
import type { Queue } from "../queue/index.ts";
import { XLSX_TYPE } from "../xlsx/index.ts";
import {
  forgetReport,
  type ImportJob,
  KEPT_PROBLEMS,
  moveJob,
  OPEN_STATUSES,
  principalFrom,
  recordProgress,
  staleJobs,
} from "./jobs-table.ts";
import { checkedSheets } from "./read-cache.ts";
import { type Importer, importerOf, type WriteSummary } from "./registry.ts";
import { reportWorkbook } from "./report.ts";
import { runPass } from "./run.ts";
import { type Source, sourceOf } from "./source.ts";
import { importJobs } from "./tables.ts";

export const CHECK_JOB = "imports.check";
export const WRITE_JOB = "imports.write";
export const SWEEP_JOB = "imports.sweep";

/**
 * How long a job keeps its files after it last moved: the upload of an unconfirmed file, the report
 * of a rejected one. They hold 身份证 numbers, so they go as soon as nobody needs them.
 */
const KEEP_FILES_MS = 24 * 3600_000;
const EXPIRED_MESSAGE = "超过 24 小时未完成导入，上传的文件已删除，请重新上传";

export interface ImportDeps {
  db: Db;
  vault: PiiVault;
  dataDir: string;
  /** Every module's importers (modules/index.ts). */
  importers: readonly Importer[];
}

/**
 * The check and the write run as queued jobs: a file of 50,000 rows outlives a request. The sweep
 * runs every hour and once at start, so files left while the server was down go at once.
 */
export function defineImportJobs(queue: Queue, deps: ImportDeps): void {
  queue.define<{ id: string }>(CHECK_JOB, ({ id }) => checkImport(deps, id));
  queue.define<{ id: string }>(WRITE_JOB, ({ id }) => writeImport(deps, id));
  queue.define(SWEEP_JOB, async () => {
    await sweepImports(deps);
  });
  queue.every(SWEEP_JOB, "23 * * * *", { atStart: true });
}

async function loadJob(db: Db, id: string): Promise<ImportJob | undefined> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return job;
}

async function loadSource(deps: ImportDeps, job: ImportJob): Promise<Source> {
  const file = await readSealed(deps.db, deps.dataDir, deps.vault, job.fileId);
  if (!file) throw unprocessable("FILE_MISSING");
  return sourceOf(file.bytes, file.mime);
}

/** The job's files, once it no longer needs them. */
const dropFiles = (deps: ImportDeps, ...ids: Array<string | null>) =>
  deleteStoredFiles(deps.db, deps.dataDir, ids);

const importerFor = (deps: ImportDeps, job: ImportJob) => {
  const importer = importerOf(deps.importers, job.kind);
  if (!importer) throw unprocessable("UNKNOWN_IMPORT_KIND", { kind: job.kind });
  return importer;
};

const actorOf = (job: ImportJob): Actor => ({ userId: job.createdBy, name: job.createdByName ?? undefined });

/** A failure the uploader can act on keeps its message; a fault of ours is logged and said plainly. */
function failureMessage(err: unknown): string {
  if (err instanceof AppError) return err.message;
  console.error("[imports]", err);
  return "导入时发生系统错误，未写入任何数据，请稍后重试或联系管理员";
}

/**
 * Checks every row (progress every chunk, seen by the page as it goes). No problem: `checked`,
 * waiting for confirmation. Any problem: `rejected`, with the first problems on the job and all
 * of them in the report file. A file that cannot be read at all: `failed` with the reason.
 */
export async function checkImport(deps: ImportDeps, id: string): Promise<void> {
  const job = await loadJob(deps.db, id);
  // Run again after a crash, or twice by mistake: only a job still being checked is checked.
  if (job?.status !== "checking") return;
  // Only a file waiting for confirmation keeps its upload: a rejected one has its report instead.
  let waiting = false;
  try {
    const importer = importerFor(deps, job);
    const source = await loadSource(deps, job);
    const ctx = { executor: deps.db, principal: principalFrom(job.principal), vault: deps.vault };
    const pass = await runPass(importer, source, ctx, {
      keep: false,
      keepRecords: importer.source === "sheet",
      onEstimate: (rows) => recordProgress(deps.db, id, { rowsTotal: rows, rowsChecked: 0 }),
      onProgress: (rows) => recordProgress(deps.db, id, { rowsChecked: rows }),
    });
    if (pass.total === 0)
      pass.problems.push({ row: pass.headerRow ?? 1, reason: "文件中没有可导入的数据行" });
    const counts = {
      rowsTotal: pass.total,
      rowsChecked: pass.total,
      errorCount: pass.problems.length,
      problems: pass.problems.slice(0, KEPT_PROBLEMS),
    };
    if (pass.problems.length === 0) {
      if (pass.read) checkedSheets.set(id, pass.read);
      waiting = (await moveJob(deps.db, id, "checking", "checked", counts)) !== undefined;
      return;
    }
    const report = await reportWorkbook(source, pass.headerRow, pass.problems);
    const unclaimed = await audited(deps.db, actorOf(job), async (tx, audit) => {
      const file = await storeSealed(tx, audit, deps.dataDir, deps.vault, job.createdBy, {
        bytes: report,
        mime: XLSX_TYPE,
      });
      const moved = await moveJob(tx, id, "checking", "rejected", { ...counts, reportFileId: file.id });
      return moved ? null : file.id;
    });
    // The job expired while it was being checked: nobody will read this report.
    await dropFiles(deps, unclaimed);
  } catch (err) {
    await moveJob(deps.db, id, "checking", "failed", { message: failureMessage(err) });
  } finally {
    if (!waiting) await dropFiles(deps, job.fileId);
  }
}

/**
 * Writes a confirmed file in ONE transaction: the rows are read and checked again inside it (the
 * database may have changed since the check, and scope is checked against the uploader as he was),
 * then written. Any problem or fault rolls everything back and the job fails with the reason.
 *
 * Progress: on PostgreSQL the counter is updated from another pooled connection, so the page sees
 * it move while the transaction runs. PGlite has a single connection, which the transaction holds
 * (a statement outside it would wait for it): there the page sees the count when the write ends.
 */
export async function writeImport(deps: ImportDeps, id: string): Promise<void> {
  const job = await loadJob(deps.db, id);
  if (job?.status !== "writing") return;
  const visible = writeParallelism(deps.db) > 1;
  const progress = async (rows: number) => {
    if (visible) await recordProgress(deps.db, id, { rowsWritten: rows });
  };
  try {
    const importer = importerFor(deps, job);
    const source = await loadSource(deps, job);
    const principal = principalFrom(job.principal);
    const actor = actorOf(job);
    await audited(deps.db, actor, async (tx, audit) => {
      const pass = await runPass(
        importer,
        source,
        { executor: tx, principal, vault: deps.vault },
        { keep: true, from: checkedSheets.get(id) },
      );
      const first = pass.problems[0];
      if (first) throw unprocessable("CHANGED_SINCE_CHECK", { count: pass.problems.length, first });
      const summary: WriteSummary = await importer.write(
        { tx, principal, vault: deps.vault, actor, audit, progress },
        pass.rows,
      );
      await audit({
        action: `imports.${job.kind}`,
        entity: "import_job",
        entityId: id,
        after: { filename: job.filename, rows: pass.total, ...summary },
      });
      const done = await moveJob(tx, id, "writing", "done", {
        summary: { ...summary },
        rowsTotal: pass.total,
        rowsWritten: pass.total,
      });
      // Expired by the sweep meanwhile: the page says so, so nothing may have been written.
      if (!done) throw new Error(`import ${id} left "writing" during its write`);
    });
  } catch (err) {
    await moveJob(deps.db, id, "writing", "failed", { message: failureMessage(err) });
  } finally {
    checkedSheets.delete(id);
    // Done or failed: a failed file is fixed and uploaded again, never written from here.
    await dropFiles(deps, job.fileId);
  }
}

/**
 * Clears what import jobs leave behind 24 hours after they last moved: open jobs expire (one
 * conditional update each, so a check or write finishing at that moment wins or loses cleanly) and
 * lose their upload, rejected ones their report; then the temporary files a crash left. Returns
 * what it did.
 */
export async function sweepImports(deps: ImportDeps, now = new Date()) {
  const before = new Date(now.getTime() - KEEP_FILES_MS);
  let expired = 0;
  let cleared = 0;
  for (const job of await staleJobs(deps.db, before)) {
    if (OPEN_STATUSES.includes(job.status)) {
      const moved = await audited(deps.db, SYSTEM, async (tx, audit) => {
        const after = await moveJob(tx, job.id, job.status, "expired", { message: EXPIRED_MESSAGE });
        if (after)
          await audit({
            action: "imports.expire",
            entity: "import_job",
            entityId: job.id,
            before: { status: job.status },
            after: { status: after.status },
          });
        return after !== undefined;
      });
      if (!moved) continue;
      checkedSheets.delete(job.id);
      expired++;
    } else if (job.reportFileId && !(await forgetReport(deps.db, job.id, job.reportFileId))) continue;
    await dropFiles(deps, job.fileId, job.reportFileId);
    cleared++;
  }
  const temporary = await sweepTemporaryFiles(deps.dataDir, before);
  return { expired, cleared, temporary };
}

import { eq } from "drizzle-orm";
import { type Actor, audited } from "../audit/index.ts";
import { type Db, writeParallelism } from "../db/index.ts";
import { AppError, unprocessable } from "../errors.ts";
import { files, readStoredFile, storeBytes } from "../files/index.ts";
import type { PiiVault } from "../pii/index.ts";
import type { Queue } from "../queue/index.ts";
import { XLSX_TYPE } from "../xlsx/index.ts";
import { type ImportJob, KEPT_PROBLEMS, moveJob, principalFrom, recordProgress } from "./jobs-table.ts";
import { checkedSheets } from "./read-cache.ts";
import { importerOf, type WriteSummary } from "./registry.ts";
import { reportWorkbook } from "./report.ts";
import { runPass } from "./run.ts";
import { type Source, sourceOf } from "./source.ts";
import { importJobs } from "./tables.ts";

export const CHECK_JOB = "imports.check";
export const WRITE_JOB = "imports.write";

export interface ImportDeps {
  db: Db;
  vault: PiiVault;
  dataDir: string;
}

/** The check and the write run as queued jobs: a file of 50,000 rows outlives a request. */
export function defineImportJobs(queue: Queue, deps: ImportDeps): void {
  queue.define<{ id: string }>(CHECK_JOB, ({ id }) => checkImport(deps, id));
  queue.define<{ id: string }>(WRITE_JOB, ({ id }) => writeImport(deps, id));
}

async function loadJob(db: Db, id: string): Promise<ImportJob | undefined> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return job;
}

async function loadSource(deps: ImportDeps, job: ImportJob): Promise<Source> {
  const [file] = await deps.db.select({ mime: files.mime }).from(files).where(eq(files.id, job.fileId));
  const bytes = await readStoredFile(deps.dataDir, job.fileId);
  if (!file || !bytes) throw unprocessable("FILE_MISSING", "上传的文件已不存在，请重新上传");
  return sourceOf(bytes, file.mime);
}

const importerFor = (job: ImportJob) => {
  const importer = importerOf(job.kind);
  if (!importer) throw unprocessable("UNKNOWN_IMPORT_KIND", `没有“${job.kind}”这种导入`);
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
  try {
    const importer = importerFor(job);
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
      await moveJob(deps.db, id, "checking", "checked", counts);
      return;
    }
    const report = await reportWorkbook(source, pass.headerRow, pass.problems);
    await audited(deps.db, actorOf(job), async (tx, audit) => {
      const file = await storeBytes(tx, audit, deps.dataDir, job.createdBy, {
        bytes: report,
        mime: XLSX_TYPE,
      });
      await moveJob(tx, id, "checking", "rejected", { ...counts, reportFileId: file.id });
    });
  } catch (err) {
    await moveJob(deps.db, id, "checking", "failed", { message: failureMessage(err) });
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
    const importer = importerFor(job);
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
      if (first)
        throw unprocessable(
          "CHANGED_SINCE_CHECK",
          `检查之后数据已有变化，发现 ${pass.problems.length} 个问题（如第 ${first.row} 行${first.column ? `“${first.column}”` : ""}：${first.reason}），未写入任何数据，请重新上传`,
        );
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
      await moveJob(tx, id, "writing", "done", {
        summary: { ...summary },
        rowsTotal: pass.total,
        rowsWritten: pass.total,
      });
    });
  } catch (err) {
    await moveJob(deps.db, id, "writing", "failed", { message: failureMessage(err) });
  } finally {
    checkedSheets.delete(id);
  }
}

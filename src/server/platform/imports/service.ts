import { type Actor, audited } from "../audit/index.ts";
import { can, type Principal } from "../auth/index.ts";
import { AppError, badRequest, forbidden, notFound } from "../errors.ts";
import { deleteStoredFiles, readSealed, storeSealed } from "../files/index.ts";
import type { Queue } from "../queue/index.ts";
import { templateWorkbook } from "../xlsx/index.ts";
import { CHECK_JOB, type ImportDeps, WRITE_JOB } from "./jobs.ts";
import { getJob, type ImportJob, illegalTransition, moveJob, snapshotOf } from "./jobs-table.ts";
import { type Importer, importerOf } from "./registry.ts";
import { acceptUpload } from "./source.ts";
import { importJobs } from "./tables.ts";

export interface ImportService extends ImportDeps {
  /** Absent where no job queue runs (most API tests): uploads are then refused with 503. */
  queue?: Queue;
}

/** The kinds the caller may import, with their columns (for the wizard's first step). */
export function importKinds(service: ImportService, principal: Principal) {
  return service.importers
    .filter((i) => can(principal, i.permission))
    .sort((a, b) => a.rank - b.rank)
    .map((i) => ({
      kind: i.kind,
      label: i.label,
      source: i.source,
      template: i.source === "sheet",
      columns:
        i.source === "sheet"
          ? i.columns.map((c) => ({
              header: c.header,
              required: c.required ?? false,
              note: c.note ?? null,
              values: c.list ? [...c.list] : null,
            }))
          : [],
    }));
}

/** An importer the caller holds the permission for: unknown kinds are 404, others' 403. */
function importerFor(service: ImportService, principal: Principal, kind: string): Importer {
  const importer = importerOf(service.importers, kind);
  if (!importer) throw notFound("import kind", kind);
  if (!can(principal, importer.permission)) throw forbidden();
  return importer;
}

export async function importTemplate(service: ImportService, principal: Principal, kind: string) {
  const importer = importerFor(service, principal, kind);
  if (importer.source !== "sheet") throw notFound("template", kind);
  return templateWorkbook({
    sheet: importer.sheet,
    notes: importer.notes,
    columns: importer.columns.map((c) => ({
      header: c.header,
      required: c.required,
      example: c.example,
      list: c.list,
      note: c.note,
      width: c.width,
      // Typed numbers stay as typed: 18-digit IDs, phones, room 0101.
      text: c.kind !== "date" && c.kind !== "dateTime",
    })),
  });
}

const queueOf = (service: ImportService): Queue => {
  if (!service.queue) throw new AppError("QUEUE_UNAVAILABLE", 503);
  return service.queue;
};

/**
 * Takes an upload: the file is recognised and its header checked at once (so a wrong file is
 * refused here, not by a job), stored sealed (it holds 身份证 numbers), and a job is queued to check
 * every row.
 */
export async function createImport(
  service: ImportService,
  principal: Principal,
  actor: Actor,
  upload: { kind: string | undefined; bytes: Buffer; filename: string; mimetype: string },
): Promise<ImportJob> {
  if (!upload.kind)
    throw badRequest("IMPORT_KIND_REQUIRED", {
      kinds: service.importers.map((i) => i.kind),
    });
  const importer = importerFor(service, principal, upload.kind);
  const queue = queueOf(service);
  const { mime } = await acceptUpload(importer, upload.bytes, upload.filename, upload.mimetype);
  const filename = upload.filename.slice(0, 200) || "upload";
  const job = await audited(service.db, actor, async (tx, audit) => {
    const file = await storeSealed(tx, audit, service.dataDir, service.vault, principal.userId, {
      bytes: upload.bytes,
      mime,
    });
    const [created] = await tx
      .insert(importJobs)
      .values({
        kind: importer.kind,
        status: "checking",
        fileId: file.id,
        filename,
        principal: snapshotOf(principal),
        createdBy: principal.userId,
        createdByName: principal.name,
      })
      .returning();
    if (!created) throw new Error("insert returned nothing");
    await audit({
      action: "imports.upload",
      entity: "import_job",
      entityId: created.id,
      after: { kind: importer.kind, filename, fileId: file.id },
    });
    return created;
  });
  await enqueue(service, queue, job, CHECK_JOB, "checking");
  return job;
}

/** Queued, or failed with the reason: a job nobody will run must not sit waiting forever. */
async function enqueue(
  service: ImportService,
  queue: Queue,
  job: ImportJob,
  name: string,
  status: "checking" | "writing",
) {
  try {
    await queue.sendNow(name, { id: job.id }, { singletonKey: `${name}:${job.id}` });
  } catch (err) {
    console.error("[imports] enqueue", err);
    await moveJob(service.db, job.id, status, "failed", { message: "后台任务未能排队，请重新上传" });
    await deleteStoredFiles(service.db, service.dataDir, [job.fileId]);
    throw new AppError("QUEUE_UNAVAILABLE", 503);
  }
}

/**
 * Confirms a checked file: only its uploader, only without problems (a rejected file is 409 with its
 * status). One conditional update moves it to `writing`, so a double click writes once.
 */
export async function confirmImport(
  service: ImportService,
  principal: Principal,
  id: string,
): Promise<ImportJob> {
  const job = await getJob(service.db, principal, service.importers, id);
  if (job.createdBy !== principal.userId) throw new AppError("NOT_THE_UPLOADER", 403);
  const queue = queueOf(service);
  const writing = await moveJob(service.db, id, "checked", "writing", { rowsWritten: 0 });
  if (!writing)
    throw illegalTransition(await getJob(service.db, principal, service.importers, id), "confirm");
  await enqueue(service, queue, writing, WRITE_JOB, "writing");
  return writing;
}

/**
 * A rejected file's report, decrypted, for its uploader only: it holds the 身份证 numbers he sent in
 * clear, which nobody else reads without a logged reveal. Gone after a day (404).
 */
export async function importReport(service: ImportService, principal: Principal, id: string) {
  const job = await getJob(service.db, principal, service.importers, id);
  if (job.createdBy !== principal.userId) throw new AppError("NOT_THE_UPLOADER", 403);
  const file = job.reportFileId
    ? await readSealed(service.db, service.dataDir, service.vault, job.reportFileId)
    : null;
  if (!file) throw notFound("import report", job.id);
  return { job, bytes: file.bytes };
}

/** A job as the page shows it. */
export function presentJob(job: ImportJob, viewer: Principal, withProblems = true) {
  const mine = job.createdBy === viewer.userId;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    filename: job.filename,
    rowsTotal: job.rowsTotal,
    rowsChecked: job.rowsChecked,
    rowsWritten: job.rowsWritten,
    errorCount: job.errorCount,
    problems: withProblems ? job.problems : [],
    hasReport: job.reportFileId !== null,
    summary: job.summary,
    message: job.message,
    createdByName: job.createdByName,
    mine,
    canConfirm: mine && job.status === "checked",
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

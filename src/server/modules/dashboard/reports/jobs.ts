import { eq } from "drizzle-orm";
import type { ModuleContext } from "../../../platform/module/index.ts";
import type { Queue } from "../../../platform/queue/index.ts";
import { refreshCaseFigures } from "../../cases/index.ts";
import { reports } from "../tables.ts";
import { generateReport, scheduleDueReports } from "./service.ts";

/** One report's files. */
export const REPORT_JOB = "dashboard.report";
/**
 * On the 1st of each month (and five minutes after start, for a 1st the server slept through): last month's
 * reports, and last quarter's after its last month, for every community and department.
 */
export const DUE_REPORTS_JOB = "dashboard.reports.due";

export function defineDashboardJobs(queue: Queue, { db, config: { dataDir } }: ModuleContext): void {
  queue.define<{ reportId: string }>(REPORT_JOB, async ({ reportId }) => {
    // Up to the minute, whatever the figures job has done so far.
    await refreshCaseFigures(db);
    await generateReport(db, dataDir, reportId);
  });
  queue.define(DUE_REPORTS_JOB, async () => {
    await scheduleDueReports(db);
    // Every pending report, also those whose job was lost when the process stopped after adding them.
    const pending = await db.select({ id: reports.id }).from(reports).where(eq(reports.status, "pending"));
    for (const r of pending) await sendReportJob(queue, r.id);
  });
  // Each report takes a core for a second or two (in a worker thread): after start-up, not during it.
  queue.every(DUE_REPORTS_JOB, "0 1 1 * *", { atStart: true, atStartDelaySeconds: 300 });
}

export const sendReportJob = (queue: Queue, reportId: string) =>
  queue.send(REPORT_JOB, { reportId }, { singletonKey: reportId, retryLimit: 2 });

/**
 * A report someone is waiting for on the page: ahead of the month's batch, even when the same
 * report is waiting in it (a second run writes the same files again).
 */
export const sendAskedReportJob = (queue: Queue, reportId: string) =>
  queue.sendNow(REPORT_JOB, { reportId }, { singletonKey: `${reportId}:asked`, retryLimit: 2, priority: 10 });

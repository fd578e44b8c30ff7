import type { ModuleContext } from "../../../platform/module/index.ts";
import type { Queue } from "../../../platform/queue/index.ts";
import { MONTHLY_NOTICE_JOB, tellMonthlyStatements } from "./monthly-notice.ts";

/** 月度积分对账单: on the 1st at 08:00 China time, each holder whose points moved is told. */
export function defineLedgerJobs(queue: Queue, { db }: ModuleContext): void {
  queue.define(MONTHLY_NOTICE_JOB, async () => {
    await tellMonthlyStatements(db);
  });
  // atStart: a 1st missed while the server was down is caught up; the notices make it run once.
  queue.every(MONTHLY_NOTICE_JOB, "0 8 1 * *", { atStart: true, atStartDelaySeconds: 300 });
}

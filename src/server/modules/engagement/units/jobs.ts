import type { ModuleContext } from "../../../platform/module/index.ts";
import type { Queue } from "../../../platform/queue/index.ts";
import { remindRota } from "./rota.ts";

export const ROTA_REMINDER_JOB = "engagement.rota-reminders";

/** 周六报到: every morning at 9 (China time), the units due on a Saturday two days ahead are told. */
export function defineEngagementJobs(queue: Queue, { db }: ModuleContext): void {
  queue.define(ROTA_REMINDER_JOB, async () => {
    await remindRota(db);
  });
  // atStart: a morning missed while the server was down is caught up at once.
  queue.every(ROTA_REMINDER_JOB, "0 9 * * *", { atStart: true, atStartDelaySeconds: 120 });
}

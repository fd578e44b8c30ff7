import { and, eq, lte } from "drizzle-orm";
import { recordAudits, SYSTEM } from "../../platform/audit/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import type { Queue } from "../../platform/queue/index.ts";
import { activities } from "./tables.ts";

/**
 * Activities whose end has passed become finished (flow.md): every five minutes, and once at start
 * for what ended while the server was down. One conditional UPDATE, so a re-run finds nothing to do.
 */
export const FINISH_JOB = "volunteering.finish";

export function defineVolunteeringJobs(queue: Queue, { db }: ModuleContext): void {
  queue.define(FINISH_JOB, async () => {
    await finishEnded(db);
  });
  queue.every(FINISH_JOB, "*/5 * * * *", { atStart: true });
}

export async function finishEnded(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const done = await tx
      .update(activities)
      .set({ status: "finished", updatedAt: now })
      .where(and(eq(activities.status, "open"), lte(activities.endsAt, now)))
      .returning({ id: activities.id });
    await recordAudits(
      tx,
      done.map((a) => [
        SYSTEM,
        { action: "activity.finish", entity: "activity", entityId: a.id, after: { status: "finished" } },
      ]),
    );
    return done.length;
  });
}

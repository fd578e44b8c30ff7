import { lt } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import type { Queue } from "../../platform/queue/index.ts";
import { LOGIN_WINDOW_MINUTES } from "./limits.ts";
import { loginFailures, sessions } from "./tables.ts";

export const PURGE_JOB = "accounts.purge";

/** Removes expired sessions and login failures older than the limit window. */
export async function purgeExpired(db: Db): Promise<{ sessions: number; failures: number }> {
  const now = Date.now();
  const gone = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, new Date(now)))
    .returning({ id: sessions.idHash });
  const old = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now - LOGIN_WINDOW_MINUTES * 60_000)))
    .returning({ id: loginFailures.id });
  return { sessions: gone.length, failures: old.length };
}

export function defineAccountJobs(queue: Queue, { db }: ModuleContext): void {
  queue.define(PURGE_JOB, async () => {
    await purgeExpired(db);
  });
  queue.every(PURGE_JOB, "17 * * * *");
}

import { and, count, eq, gt } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { maskPhone } from "../../platform/pii/index.ts";
import { loginFailures } from "./tables.ts";

/** Guessing limits: failures within the window, per phone and per client address. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_PHONE = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function enforceLoginLimits(db: Db, phone: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const [[byPhone], [byIp]] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.phone, phone), gt(loginFailures.at, since))),
    db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since))),
  ]);
  if ((byPhone?.n ?? 0) >= MAX_FAILURES_PER_PHONE || (byIp?.n ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new AppError("TOO_MANY_ATTEMPTS", 429, "Too many failed logins; try again later", {
      retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60,
    });
  }
}

export function recordLoginFailure(db: Db, phone: string, ip: string, userId: string | null) {
  return db.transaction(async (tx) => {
    await tx.insert(loginFailures).values({ phone, ip });
    await recordAudit(
      tx,
      { userId: null, ip },
      {
        action: "auth.login_failed",
        entity: "user",
        entityId: userId ?? undefined,
        after: { phone: maskPhone(phone) },
      },
    );
  });
}

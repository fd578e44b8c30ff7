import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, gt, not, or, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { maskPhone } from "../../platform/pii/index.ts";
import { loginFailures } from "./tables.ts";

/**
 * Guessing limits (README, "Sign-in limits"), over a sliding window. One phone from one address:
 * 5 failures, then 429, so a stranger locks out only himself. One address over all phones: 30.
 * One phone over all addresses is never refused, or a stranger could lock its owner out: past 10
 * failures every check of it waits, longer the more failures (up to 4 s).
 */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_PHONE_AND_IP = 5;
export const MAX_FAILURES_PER_IP = 30;
export const SLOW_DOWN_AFTER = 10;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4_000;
const WINDOW_MS = LOGIN_WINDOW_MINUTES * 60_000;
/** An attempt still unsettled after this long died with its process: it counts as a failure. */
const PENDING_MS = 30_000;
/** How long an attempt waits for those ahead of it to be settled before it is refused. */
const QUEUE_MS = 10_000;
// The two-key advisory locks are a key space apart from the one-key ones (migrations, figures).
const LOCK_CLASS = 7_301_945;

/** The wait before checking a password of a phone that failed `failures` times in the window. */
export const loginDelayMs = (failures: number): number =>
  failures < SLOW_DOWN_AFTER ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - SLOW_DOWN_AFTER));

const tooMany = (retryAt: number) =>
  new AppError("TOO_MANY_ATTEMPTS", 429, {
    retryAfterSeconds: Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)),
  });

/**
 * One try at taking an attempt's place, under a lock on the client address: refused (429) when the
 * failures reach a limit; null when they would with the attempts still being checked, which may yet
 * prove right; else the new pending attempt and how long to wait before checking it.
 */
function tryReserve(db: Db, phone: string, ip: string) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${ip}))`);
    const now = Date.now();
    const live = sql`${loginFailures.pending} and ${gt(loginFailures.at, new Date(now - PENDING_MS))}`;
    const ofIp = eq(loginFailures.ip, ip);
    const ofPhone = eq(loginFailures.phone, phone);
    const ofPair = and(ofIp, ofPhone);
    const counted = (where: SQL | undefined) => sql`count(*) filter (where ${where})`.mapWith(Number);
    const oldest = (where: SQL | undefined) =>
      sql`min(${loginFailures.at}) filter (where ${where})`.mapWith(loginFailures.at);
    const [n] = await tx
      .select({
        pair: counted(and(ofPair, not(live))),
        pairPending: counted(and(ofPair, live)),
        pairOldest: oldest(and(ofPair, not(live))),
        ip: counted(and(ofIp, not(live))),
        ipPending: counted(and(ofIp, live)),
        ipOldest: oldest(and(ofIp, not(live))),
        phone: counted(and(ofPhone, not(live))),
        phonePending: counted(and(ofPhone, live)),
      })
      .from(loginFailures)
      .where(and(or(ofIp, ofPhone), gt(loginFailures.at, new Date(now - WINDOW_MS))));
    if (!n) throw new Error("count returned nothing");
    // Allowed again when the oldest counted failure leaves the window.
    const full = [
      n.pair >= MAX_FAILURES_PER_PHONE_AND_IP ? n.pairOldest : null,
      n.ip >= MAX_FAILURES_PER_IP ? n.ipOldest : null,
    ].flatMap((at) => (at instanceof Date ? [at.getTime() + WINDOW_MS] : []));
    if (full.length > 0) throw tooMany(Math.max(...full));
    if (n.pair + n.pairPending >= MAX_FAILURES_PER_PHONE_AND_IP || n.ip + n.ipPending >= MAX_FAILURES_PER_IP)
      return null;
    const [row] = await tx
      .insert(loginFailures)
      .values({ phone, ip, pending: true })
      .returning({ id: loginFailures.id });
    if (!row) throw new Error("insert returned nothing");
    // Attempts still being checked count too, so a burst spread over many addresses is slowed at once.
    return { id: row.id, delayMs: loginDelayMs(n.phone + n.phonePending) };
  });
}

/**
 * Takes a login attempt's place before its password is checked. While checked it is pending; an
 * attempt that would reach a limit if the pending ones failed waits until they are settled. So of
 * 60 simultaneous wrong passwords from one address 5 are checked and the rest refused, while 10
 * simultaneous right ones all get in. Then waits as long as the phone's failures from everywhere say.
 */
export async function reserveLoginAttempt(db: Db, phone: string, ip: string): Promise<number> {
  const giveUpAt = Date.now() + QUEUE_MS;
  for (let pause = 25; ; pause = Math.min(pause * 2, 400)) {
    const reserved = await tryReserve(db, phone, ip);
    if (reserved) {
      if (reserved.delayMs > 0) await sleep(reserved.delayMs);
      return reserved.id;
    }
    if (Date.now() + pause > giveUpAt) throw tooMany(Date.now() + QUEUE_MS);
    await sleep(pause);
  }
}

/** A right password: its attempt is no failure (in the transaction that starts the session). */
export async function withdrawLoginAttempt(executor: Executor, attemptId: number): Promise<void> {
  await executor.delete(loginFailures).where(eq(loginFailures.id, attemptId));
}

/** A wrong password: its attempt stands as a failure, with its audit row. */
export function recordLoginFailure(
  db: Db,
  attemptId: number,
  phone: string,
  ip: string,
  userId: string | null,
) {
  return db.transaction(async (tx) => {
    await tx.update(loginFailures).set({ pending: false }).where(eq(loginFailures.id, attemptId));
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

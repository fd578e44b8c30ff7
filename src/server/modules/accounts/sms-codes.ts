import { randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { sha256 } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { SmsSender } from "../../platform/notify/index.ts";
import { type SmsPurpose, smsCodes } from "./tables.ts";

/**
 * Sign-in and reset codes (README, "Sign-in by SMS code"): 6 digits, valid 5 minutes, at most 5
 * wrong tries each. Sends are limited per phone (one a minute, 10 an hour, so nobody is flooded)
 * and per address (30 an hour, so one client cannot text a whole district).
 */
export const CODE_MINUTES = 5;
const MAX_TRIES = 5;
const RESEND_SECONDS = 60;
const MAX_PER_PHONE_HOUR = 10;
const MAX_PER_IP_HOUR = 30;
// One advisory-lock class per limit, a key space apart from the login limits'.
const LOCK_CLASS = 7_301_946;

const TEXTS: Record<SmsPurpose, (code: string) => string> = {
  login: (code) => `【网格治理】您的登录验证码是 ${code}，${CODE_MINUTES} 分钟内有效。请勿告诉他人。`,
  reset: (code) =>
    `【网格治理】您正在重设密码，验证码 ${code}，${CODE_MINUTES} 分钟内有效。如非本人操作请忽略。`,
};

const tooMany = (retryAfterSeconds: number) =>
  new AppError("TOO_MANY_ATTEMPTS", 429, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

/** Makes a code, stores its hash and sends it; refused (429) past the limits. */
export async function sendCode(
  db: Db,
  sms: SmsSender,
  input: { phone: string; purpose: SmsPurpose; ip: string },
): Promise<void> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.transaction(async (tx) => {
    // Serialises the sends of one phone, so two at once cannot both pass the one-a-minute rule.
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${input.phone}))`);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const [n] = await tx
      .select({
        phone: sql`count(*) filter (where ${smsCodes.phone} = ${input.phone})`.mapWith(Number),
        ip: sql`count(*) filter (where ${smsCodes.ip} = ${input.ip})`.mapWith(Number),
        last: sql`max(${smsCodes.createdAt}) filter (where ${smsCodes.phone} = ${input.phone})`.mapWith(
          smsCodes.createdAt,
        ),
      })
      .from(smsCodes)
      .where(
        and(
          sql`(${smsCodes.phone} = ${input.phone} or ${smsCodes.ip} = ${input.ip})`,
          gt(smsCodes.createdAt, hourAgo),
        ),
      );
    const since = n?.last instanceof Date ? (Date.now() - n.last.getTime()) / 1000 : Number.POSITIVE_INFINITY;
    if (since < RESEND_SECONDS) throw tooMany(RESEND_SECONDS - since);
    if ((n?.phone ?? 0) >= MAX_PER_PHONE_HOUR || (n?.ip ?? 0) >= MAX_PER_IP_HOUR) throw tooMany(3600);
    await tx.insert(smsCodes).values({
      phone: input.phone,
      purpose: input.purpose,
      codeHash: sha256(code),
      ip: input.ip,
      expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000),
    });
  });
  await sms.send(input.phone, TEXTS[input.purpose](code));
}

/**
 * Spends the phone's latest live code of this purpose when `code` matches (compared in constant
 * time); a wrong try counts against it. One conditional UPDATE: two logins with one code, one wins.
 */
export async function spendCode(
  db: Db,
  input: { phone: string; purpose: SmsPurpose; code: string },
): Promise<void> {
  const [latest] = await db
    .select()
    .from(smsCodes)
    .where(
      and(
        eq(smsCodes.phone, input.phone),
        eq(smsCodes.purpose, input.purpose),
        isNull(smsCodes.usedAt),
        gt(smsCodes.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  if (!latest || latest.attempts >= MAX_TRIES) throw new AppError("CODE_INVALID", 401);
  const given = Buffer.from(sha256(input.code));
  const stored = Buffer.from(latest.codeHash);
  const matches = given.length === stored.length && timingSafeEqual(given, stored);
  if (!matches) {
    await db
      .update(smsCodes)
      .set({ attempts: sql`${smsCodes.attempts} + 1` })
      .where(eq(smsCodes.id, latest.id));
    throw new AppError("CODE_INVALID", 401);
  }
  const spent = await db
    .update(smsCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(smsCodes.id, latest.id), isNull(smsCodes.usedAt)))
    .returning({ id: smsCodes.id });
  if (spent.length === 0) throw new AppError("CODE_INVALID", 401);
}

import { and, count, eq, gt, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { auditLog } from "../../../platform/audit/tables.ts";
import { chinaDate } from "../../../platform/china-time.ts";
import type { Db } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { normalizeMobile, type PiiVault } from "../../../platform/pii/index.ts";
import { merchantsByIds } from "../../places/index.ts";
import { shopFigures } from "./figures.ts";
import { consumerRatings } from "./tables.ts";

/** Ratings one address may send in an hour: a family and a shop's queue, not a script. */
export const MAX_RATINGS_PER_IP_HOUR = 20;
// An advisory-lock class of its own, a key space apart from the sign-in and SMS limits.
const LOCK_CLASS = 7_301_960;
const RATED = "points.rating.create";

/** A shop as its public page shows it: nothing personal (no phone, no owner). */
export async function publicShop(db: Db, merchantId: string) {
  const [shop] = await merchantsByIds(db, [merchantId]);
  if (!shop) throw notFound("merchant", merchantId);
  const f = (await shopFigures(db, [shop])).get(shop.id);
  return {
    id: shop.id,
    name: shop.name,
    category: shop.category,
    address: shop.address,
    score: f?.score.score ?? 0,
    titles: f?.titles ?? [],
    stars: f?.stars ?? { average: null, count: 0 },
  };
}

export interface NewRating {
  phone: string;
  stars: number;
  comment?: string;
}

/**
 * A consumer's rating from the shop's QR code: one per phone per shop per China day, decided by the
 * unique index (two at once: one is stored, the other is 409). The phone is kept only as its blind
 * index. One address may rate 20 times an hour: counted from the audit rows of ratings, which carry
 * the address, under a lock on it so a burst cannot slip past the count.
 */
export async function rateShop(db: Db, pii: PiiVault, actor: Actor, merchantId: string, input: NewRating) {
  const phone = normalizeMobile(input.phone);
  if (!phone) throw unprocessable("INVALID_PHONE", { field: "phone" });
  const [shop] = await merchantsByIds(db, [merchantId]);
  if (!shop) throw notFound("merchant", merchantId);
  const ip = actor.ip ?? "";
  return audited(db, actor, async (tx, audit) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${ip}))`);
    const [n] = await tx
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, RATED),
          eq(auditLog.ip, ip),
          gt(auditLog.at, new Date(Date.now() - 3_600_000)),
        ),
      );
    if ((n?.n ?? 0) >= MAX_RATINGS_PER_IP_HOUR)
      throw new AppError("TOO_MANY_RATINGS", 429, { retryAfterSeconds: 3600 });
    const [row] = await tx
      .insert(consumerRatings)
      .values({
        merchantId: shop.id,
        territoryPath: shop.territoryPath,
        phoneIndex: pii.blindIndex(phone),
        day: chinaDate(new Date()),
        stars: input.stars,
        comment: input.comment?.trim() ?? "",
      })
      .onConflictDoNothing()
      .returning({ id: consumerRatings.id });
    if (!row) throw conflict("ALREADY_RATED_TODAY");
    await audit({
      action: RATED,
      entity: "point_consumer_rating",
      entityId: row.id,
      after: { merchantId: shop.id, shop: shop.name, stars: input.stars },
    });
    return { id: row.id };
  });
}

import { sql } from "drizzle-orm";
import type { Principal } from "../../../platform/auth/index.ts";
import { chinaMonth, halfOf, monthsOfHalf } from "../../../platform/china-time.ts";
import { type Db, rowsOf } from "../../../platform/db/index.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Audience } from "../rules/tables.ts";
import { callerHolders, type Holder } from "./holders.ts";
import { scoresOf } from "./score.ts";
import { emptyStatement, type Statement, statementOf } from "./statements.ts";

/** The community part of a path (`/district/street/community/`): whom a holder is ranked among. */
const communityOf = (path: string) => `${path.split("/").slice(0, 4).join("/")}/`;

/**
 * GET /points/me: each of the caller's points (睦邻 / 先锋 / 商铺) with its balance, this month's
 * gains and losses, the half-year's score (1+1−1) and his place by balance in his community.
 */
export async function myPoints(db: Db, principal: Principal, now = new Date()) {
  const holders = await callerHolders(db, principal);
  const month = chinaMonth(now);
  const half = halfOf(month);
  const items = [];
  for (const h of holders) {
    const score = (await scoresOf(db, h.audience, [h], monthsOfHalf(half))).get(h.holderId);
    const [moved] = h.accountId
      ? rowsOf<{ added: string | null; deducted: string | null }>(
          await db.execute(sql`
            select sum(amount) filter (where credit_account_id = ${h.accountId}::uuid) as added,
              sum(amount) filter (where debit_account_id = ${h.accountId}::uuid) as deducted
            from point_postings where holder_account_id = ${h.accountId}::uuid and month = ${month}`),
        )
      : [];
    items.push({
      audience: h.audience,
      holderId: h.holderId,
      name: h.name,
      accountId: h.accountId,
      balance: h.balance,
      monthAdded: Number(moved?.added ?? 0),
      monthDeducted: Number(moved?.deducted ?? 0),
      score: score ?? { base: 0, added: 0, deducted: 0, score: 0, vetoed: false },
      rank: await rankOf(db, h),
    });
  }
  return { month, half, items };
}

/** His place by balance among the same audience's accounts of his community: one indexed count. */
async function rankOf(db: Db, h: Holder): Promise<{ position: number; of: number } | null> {
  if (!h.accountId) return null;
  const [row] = rowsOf<{ above: string | number; of: string | number }>(
    await db.execute(sql`
      select count(*) filter (where balance > ${h.balance}) as above, count(*) as of
      from point_accounts where kind = 'holder' and audience = ${h.audience}
        and territory_path like ${`${communityOf(h.territoryPath)}%`}`),
  );
  return { position: Number(row?.above ?? 0) + 1, of: Math.max(Number(row?.of ?? 0), 1) };
}

/** The caller's holder of an audience (the first he has when none is named); 404-like when none. */
export async function myHolder(db: Db, principal: Principal, audience?: Audience): Promise<Holder> {
  const holders = await callerHolders(db, principal);
  const holder = audience ? holders.find((h) => h.audience === audience) : holders[0];
  if (!holder) throw new AppError("NO_POINTS_HOLDER", 404, { audience: audience ?? null });
  return holder;
}

/** GET /points/me/statement: the caller's own month, by audience. */
export async function myStatement(
  db: Db,
  principal: Principal,
  q: { audience?: Audience; month?: string },
): Promise<Statement & { audience: Audience; name: string }> {
  const holder = await myHolder(db, principal, q.audience);
  const month = q.month ?? chinaMonth(new Date());
  const statement = holder.accountId ? await statementOf(db, holder.accountId, month) : emptyStatement(month);
  return { ...statement, audience: holder.audience, name: holder.name };
}

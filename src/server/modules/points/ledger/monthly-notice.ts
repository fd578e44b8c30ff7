import { sql } from "drizzle-orm";
import { chinaMonth } from "../../../platform/china-time.ts";
import { type Db, rowsOf } from "../../../platform/db/index.ts";
import { WORDS } from "../../../platform/i18n/words.ts";
import { type Notice, notifications, notify } from "../../../platform/notify/index.ts";
import { usersByPhones } from "../../accounts/index.ts";
import { membersByIds, residentPhones } from "../../people/index.ts";
import { merchantPhones } from "../../places/index.ts";
import type { Audience } from "../rules/tables.ts";

export const MONTHLY_NOTICE_JOB = "points.monthly-statements";
export const MONTHLY_NOTICE_KIND = "points.monthly";
/** One run at a time across processes: two would tell the same holders. */
const LOCK = 73_290_818;

/** The month before `month` (2026-01 → 2025-12). */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
}

interface Moved {
  id: string;
  audience: Audience;
  holder_id: string;
  added: string | number | null;
  deducted: string | number | null;
  closing: string | number;
}

/**
 * On the 1st, each holder whose points moved last month is told in the app: "11月睦邻积分 +35 −5，
 * 余额 120" (the balance at the month's end). The notice itself marks him told, so a second run —
 * a retry, or the start-up catch-up after the tick — tells nobody twice.
 */
export async function tellMonthlyStatements(db: Db, now = new Date()): Promise<number> {
  const month = previousMonth(chinaMonth(now));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
    const moved = rowsOf<Moved>(
      await tx.execute(sql`
        select a.id, a.audience, a.holder_id,
          sum(p.amount) filter (where p.month = ${month} and p.credit_account_id = a.id) as added,
          sum(p.amount) filter (where p.month = ${month} and p.debit_account_id = a.id) as deducted,
          a.balance - coalesce(sum(case when p.credit_account_id = a.id then p.amount else -p.amount end)
            filter (where p.month > ${month}), 0) as closing
        from point_accounts a join point_postings p on p.holder_account_id = a.id and p.month >= ${month}
        where a.kind = 'holder' and not exists (select 1 from ${notifications} n
          where n.kind = ${MONTHLY_NOTICE_KIND} and n.entity = 'point_account' and n.entity_id = a.id::text
            and n.data->>'month' = ${month})
        group by a.id
        having count(*) filter (where p.month = ${month}) > 0`),
    );
    if (moved.length === 0) return 0;
    const phones = await phonesOf(tx as unknown as Db, moved);
    const users = await usersByPhones(tx, [...new Set(phones.values())]);
    const w = WORDS["zh-CN"].pointsLedger;
    const monthWord = `${Number(month.slice(5, 7))}月`;
    const notices: Notice[] = [];
    for (const m of moved) {
      const phone = phones.get(`${m.audience}:${m.holder_id}`);
      const userId = phone ? users.get(phone) : undefined;
      if (!userId) continue;
      notices.push({
        userId,
        kind: MONTHLY_NOTICE_KIND,
        title: `${monthWord}${w.notice.title}`,
        body: `${monthWord}${w.kinds[m.audience]} +${Number(m.added ?? 0)} −${Number(m.deducted ?? 0)}，${w.notice.balance} ${Number(m.closing)}`,
        entity: "point_account",
        entityId: m.id,
        link: `/mobile/points/statement?audience=${m.audience}&month=${month}`,
        data: { month },
      });
    }
    await notify(tx, notices);
    return notices.length;
  });
}

/** The holders' mobile numbers (a member's is his resident record's), by `audience:holderId`. */
async function phonesOf(db: Db, moved: readonly Moved[]): Promise<Map<string, string>> {
  const ids = (a: Audience) => moved.filter((m) => m.audience === a).map((m) => m.holder_id);
  const members = await membersByIds(db, ids("member"));
  const [residents, memberPhones, shops] = await Promise.all([
    residentPhones(db, ids("resident")),
    residentPhones(
      db,
      members.map((m) => m.residentId),
    ),
    merchantPhones(db, ids("merchant")),
  ]);
  const phones = new Map<string, string>();
  for (const [id, phone] of residents) phones.set(`resident:${id}`, phone);
  for (const m of members) {
    const phone = memberPhones.get(m.residentId);
    if (phone) phones.set(`member:${m.id}`, phone);
  }
  for (const [id, phone] of shops) phones.set(`merchant:${id}`, phone);
  return phones;
}

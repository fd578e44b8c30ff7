import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../db/index.ts";
import type { Queue } from "../queue/index.ts";
import type { SmsSender } from "./sms.ts";
import { notifications } from "./tables.ts";

export const SMS_JOB = "notify.sms";
const BATCH = 100;

/**
 * Notices go out through the SMS gateway to phone-only recipients (no account to show them in) and
 * to users who asked for SMS too (`users.sms_notices`, the accounts' row, read by table name: the
 * platform knows no module). Without a gateway (SMS_WEBHOOK_URL unset) nothing is defined and they
 * simply stay in the table.
 */
export function defineNotifyJobs(queue: Queue, db: Db, sender: SmsSender | undefined): void {
  if (!sender) return;
  queue.define(SMS_JOB, async () => {
    await sendPendingSms(db, sender);
  });
  queue.every(SMS_JOB, "* * * * *", { atStart: true });
}

/**
 * Claims a batch (marks `data.smsAt` in one conditional UPDATE, so two processes never send the
 * same notice), then sends it. At most once: a crash between claim and send loses that text
 * rather than sending it twice. Only the last day's notices: turning a gateway on later must not
 * text people about old news.
 */
export async function sendPendingSms(db: Db, sender: SmsSender): Promise<{ sent: number; failed: number }> {
  const done = { sent: 0, failed: 0 };
  for (;;) {
    const result = await db.execute(sql`
      update ${notifications} n set data = n.data || jsonb_build_object('smsAt', now())
      from (
        select x.id, coalesce(x.phone, u.phone) as phone from ${notifications} x
        left join users u on u.id = x.user_id
        where ((x.user_id is null and x.phone is not null) or (u.sms_notices and not u.disabled))
          and not (x.data ? 'smsAt') and x.created_at > now() - interval '1 day'
        order by x.created_at limit ${BATCH} for update of x skip locked
      ) d
      where n.id = d.id and not (n.data ? 'smsAt')
      returning n.id, d.phone, n.title, n.body`);
    const rows = rowsOf<{ id: string; phone: string; title: string; body: string }>(result);
    for (const r of rows) {
      try {
        await sender.send(r.phone, `【${r.title}】${r.body}`);
        done.sent++;
      } catch (err) {
        done.failed++;
        const error = err instanceof Error ? err.message : String(err);
        await db.execute(
          sql`update ${notifications} set data = data || jsonb_build_object('smsError', ${error}::text) where id = ${r.id}`,
        );
      }
    }
    if (rows.length < BATCH) return done;
  }
}

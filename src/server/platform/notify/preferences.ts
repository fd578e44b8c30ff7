import { sql } from "drizzle-orm";
import { type Actor, audited } from "../audit/index.ts";
import { type Db, rowsOf } from "../db/index.ts";
import { notFound } from "../errors.ts";

/**
 * How a user gets his notices. The flag lives on the accounts' `users` row (`sms_notices`); the
 * platform knows no module, so it is read and written here by table name.
 */
export interface NoticePreferences {
  smsNotices: boolean;
}

export async function preferencesOf(db: Db, userId: string): Promise<NoticePreferences> {
  const [row] = rowsOf<{ sms_notices: boolean }>(
    await db.execute(sql`select sms_notices from users where id = ${userId}`),
  );
  if (!row) throw notFound("user", userId);
  return { smsNotices: row.sms_notices };
}

export async function setPreferences(
  db: Db,
  actor: Actor,
  userId: string,
  input: Partial<NoticePreferences>,
): Promise<NoticePreferences> {
  return audited(db, actor, async (tx, audit) => {
    const [before] = rowsOf<{ sms_notices: boolean }>(
      await tx.execute(sql`select sms_notices from users where id = ${userId} for update`),
    );
    if (!before) throw notFound("user", userId);
    const smsNotices = input.smsNotices ?? before.sms_notices;
    if (smsNotices !== before.sms_notices) {
      await tx.execute(sql`update users set sms_notices = ${smsNotices} where id = ${userId}`);
      // Asking for texts from now on: what he was told before is not sent again (the SMS job skips
      // a notice with the key, `null` = never sent).
      if (smsNotices)
        await tx.execute(
          sql`update notifications set data = data || '{"smsAt": null}'::jsonb where user_id = ${userId} and not (data ? 'smsAt')`,
        );
      await audit({
        action: "notifications.preferences",
        entity: "user",
        entityId: userId,
        before: { smsNotices: before.sms_notices },
        after: { smsNotices },
      });
    }
    return { smsNotices };
  });
}

import { and, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/index.ts";
import { notFound } from "../errors.ts";
import { type Paging, pageWindow } from "../http/paging.ts";
import { notifications } from "./tables.ts";

export interface Notice {
  userId?: string | null;
  phone?: string | null;
  kind: string;
  title: string;
  body: string;
  entity?: string;
  entityId?: string;
  /** The page it leads to ("/admin/cases/XG-…", "/mobile/wishes/mine"): staff's or the phone's. */
  link?: string;
  data?: Record<string, unknown>;
}

/** The channel a process LISTENs on: each payload is the id of a user whose notices changed. */
export const NOTICES_CHANNEL = "notices";

/**
 * Tells every process (this one too) that these users' notices changed. NOTIFY is delivered when
 * the transaction commits, so nobody hears of a notice that was rolled back.
 */
export async function announce(executor: Executor, userIds: Array<string | null | undefined>): Promise<void> {
  const ids = [...new Set(userIds.filter((u): u is string => !!u))];
  if (ids.length === 0) return;
  await executor.execute(
    sql`select pg_notify(${NOTICES_CHANNEL}, u) from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) u`,
  );
}

/** Stores notices in the caller's transaction, so a notice exists exactly when its cause does. */
export async function notify(executor: Executor, notices: Notice[]): Promise<void> {
  const rows = notices
    .filter((n) => n.userId || n.phone)
    .map((n) => ({
      userId: n.userId ?? null,
      phone: n.phone ?? null,
      kind: n.kind,
      title: n.title,
      body: n.body,
      entity: n.entity ?? null,
      entityId: n.entityId ?? null,
      // A link given in `data` (older callers) counts as the notice's link.
      link: n.link ?? (typeof n.data?.link === "string" ? n.data.link : null),
      data: n.data ?? {},
    }));
  if (rows.length === 0) return;
  await executor.insert(notifications).values(rows);
  await announce(
    executor,
    rows.map((r) => r.userId),
  );
}

/** The caller's own notices, newest first; `unread` counts all his unread ones, whatever the filter. */
export async function listNotices(db: Db, userId: string, f: Paging & { unread?: boolean }) {
  const mine = eq(notifications.userId, userId);
  const where =
    f.unread === undefined
      ? mine
      : and(mine, f.unread ? isNull(notifications.readAt) : isNotNull(notifications.readAt));
  const { limit, offset } = pageWindow(f);
  const [rows, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(notifications).where(where),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      entity: r.entity,
      entityId: r.entityId,
      link: r.link,
      data: r.data,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
  };
}

/** How many of his notices he has not read. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks one of the caller's notices read (again: keeps the first time); another's is 404. His other
 * open pages hear of it (their badges go down).
 */
export async function markRead(db: Db, userId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning({ id: notifications.id, readAt: notifications.readAt });
    if (!row?.readAt) throw notFound("notification", id);
    await announce(tx, [userId]);
  });
}

export async function markAllRead(db: Db, userId: string): Promise<{ updated: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0) await announce(tx, [userId]);
    return { updated: rows.length };
  });
}

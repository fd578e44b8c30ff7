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
  data?: Record<string, unknown>;
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
      data: n.data ?? {},
    }));
  if (rows.length > 0) await executor.insert(notifications).values(rows);
}

/** The caller's own notices, newest first; `unreadCount` is over all of them, whatever the filter. */
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
      data: r.data,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    unreadCount: unread?.n ?? 0,
  };
}

/** Marks one of the caller's notices read (again: keeps the first time); another's is 404. */
export async function markRead(db: Db, userId: string, id: string) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id, readAt: notifications.readAt });
  if (!row?.readAt) throw notFound("notification", id);
  return { id: row.id, readAt: row.readAt.toISOString() };
}

export async function markAllRead(db: Db, userId: string): Promise<{ updated: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}

import type { Executor } from "../db/index.ts";
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

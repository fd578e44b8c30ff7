import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { bulkInsert, type Db, type Executor, type Tx } from "../db/index.ts";
import { type Paging, pageWindow } from "../http/paging.ts";
import { type EntityNamers, entityNames } from "./names.ts";
import { auditLog } from "./tables.ts";

/** Who performs a write: a logged-in user, or the system itself (jobs, start-up) with userId null. */
export interface Actor {
  userId: string | null;
  name?: string;
  ip?: string;
}

export const SYSTEM: Actor = { userId: null, name: "system" };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

export type RecordAudit = (entry: AuditEntry) => Promise<void>;

export function recordAudit(executor: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  return recordAudits(executor, [[actor, entry]]);
}

/** Many audit rows in one statement (a batch of writes, each with its own actor). */
export async function recordAudits(executor: Executor, entries: Array<[Actor, AuditEntry]>): Promise<void> {
  await bulkInsert(executor, ...auditRows(entries));
}

/** The table and rows of audit entries, for a caller writing them together with its own rows. */
export function auditRows(
  entries: Array<[Actor, AuditEntry]>,
): [typeof auditLog, Array<typeof auditLog.$inferInsert>] {
  return [
    auditLog,
    entries.map(([actor, entry]) => ({
      actorId: actor.userId,
      actorName: actor.name ?? null,
      ip: actor.ip ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })),
  ];
}

/**
 * The shape of every write: one transaction, and the audit rows go into that same transaction,
 * so a write and its record stand or fall together.
 */
export function audited<T>(db: Db, actor: Actor, fn: (tx: Tx, audit: RecordAudit) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx, (entry) => recordAudit(tx, actor, entry)));
}

export interface AuditFilter extends Paging {
  actorId?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** A page of the log, newest first, each entry with its entity's name for people (`namers`). */
export async function listAudit(db: Db, f: AuditFilter, namers: EntityNamers = {}) {
  const conditions: SQL[] = [];
  if (f.actorId) conditions.push(eq(auditLog.actorId, f.actorId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.entity) conditions.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.from) conditions.push(gte(auditLog.at, new Date(f.from)));
  if (f.to) conditions.push(lt(auditLog.at, new Date(f.to)));
  const { limit, offset } = pageWindow(f);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const names = await entityNames(db, namers, rows);
  return {
    items: rows.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      entityName: (r.entityId && names.get(`${r.entity}/${r.entityId}`)) || null,
    })),
    total: total?.n ?? 0,
  };
}

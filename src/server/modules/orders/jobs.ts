import { sql } from "drizzle-orm";
import { recordAudits, SYSTEM } from "../../platform/audit/index.ts";
import { bulkInsert, type Db, type Executor, rowsOf } from "../../platform/db/index.ts";
import type { ModuleContext } from "../../platform/module/index.ts";
import { type Notice, notify } from "../../platform/notify/index.ts";
import type { Queue } from "../../platform/queue/index.ts";
import { orderEvents, orderMisses, orders } from "./tables.ts";

/**
 * The on-site deadline (务川: 30 minutes from the grab). Each grab starts a job for its own
 * deadline; a sweep every minute, and once at start, catches any deadline whose job was lost or
 * fell due while the server was down. Both run the same conditional UPDATE, so a miss is recorded
 * once however many of them look at it.
 */
export const MISS_JOB = "orders.miss";
export const MISS_SWEEP_JOB = "orders.misses";
const BATCH = 500;
const SYSTEM_NAME = "系统";

/** One grab's deadline: it misses only if that same grab still holds the order. */
export interface MissJob {
  orderId: string;
  takerUserId: string;
  grabbedAt: string;
}

export function defineOrderJobs(queue: Queue, { db }: ModuleContext): void {
  queue.define<MissJob>(MISS_JOB, async (grab) => {
    await sweepMisses(db, grab);
  });
  queue.define(MISS_SWEEP_JOB, async () => {
    await sweepMisses(db);
  });
  queue.every(MISS_SWEEP_JOB, "* * * * *", { atStart: true });
}

/** After a grab commits: its deadline as a durable job (lost if the process dies first: the sweep has it). */
export async function scheduleMiss(queue: Queue | undefined, grab: MissJob, dueAt: Date): Promise<void> {
  await queue?.send(MISS_JOB, grab, { startAfter: dueAt });
}

interface Missed {
  id: string;
  code: string;
  title: string;
  territory_path: string;
  published_by: string | null;
  taker_user_id: string;
  taker_name: string | null;
  grabbed_at: Date | string;
  on_site_due_at: Date | string;
}

/** Every order (or the one grab `only`) past its on-site deadline goes back to the pool; returns how many. */
export async function sweepMisses(db: Db, only?: MissJob): Promise<number> {
  let total = 0;
  for (let n = BATCH; n === BATCH; total += n) n = await db.transaction((tx) => missBatch(tx, only));
  return total;
}

async function missBatch(tx: Executor, only?: MissJob): Promise<number> {
  const grab = only
    ? sql`and x.id = ${only.orderId} and x.taker_user_id = ${only.takerUserId} and x.grabbed_at = ${only.grabbedAt}`
    : sql``;
  const hits = rowsOf<Missed>(
    await tx.execute(sql`
      update ${orders} o set status = 'open', taker_user_id = null, taker_name = null, grabbed_at = null,
        on_site_due_at = null, misses = o.misses + 1, updated_at = now()
      from (
        select x.id, x.taker_user_id, x.taker_name, x.grabbed_at, x.on_site_due_at from ${orders} x
        where x.status = 'grabbed' and x.on_site_due_at <= now() ${grab}
        order by x.on_site_due_at limit ${BATCH} for update skip locked
      ) d
      where o.id = d.id and o.status = 'grabbed'
      returning o.id, o.code, o.title, o.territory_path, o.published_by,
        d.taker_user_id, d.taker_name, d.grabbed_at, d.on_site_due_at`),
  );
  if (hits.length === 0) return 0;
  await bulkInsert(
    tx,
    orderMisses,
    hits.map((h) => ({
      orderId: h.id,
      userId: h.taker_user_id,
      grabbedAt: new Date(h.grabbed_at),
      dueAt: new Date(h.on_site_due_at),
      territoryPath: h.territory_path,
    })),
  );
  await bulkInsert(
    tx,
    orderEvents,
    hits.map((h) => ({
      orderId: h.id,
      actorName: SYSTEM_NAME,
      action: "miss",
      fromStatus: "grabbed" as const,
      toStatus: "open" as const,
      note: `${h.taker_name ?? ""}未在到场时限内到达，订单退回大厅`,
      data: { takerUserId: h.taker_user_id, dueAt: new Date(h.on_site_due_at).toISOString() },
    })),
  );
  await recordAudits(
    tx,
    hits.map((h) => [
      SYSTEM,
      {
        action: "orders.miss",
        entity: "order",
        entityId: h.id,
        before: { status: "grabbed", takerUserId: h.taker_user_id },
        after: { status: "open" },
      },
    ]),
  );
  const notices: Notice[] = hits.flatMap((h) => [
    {
      userId: h.published_by,
      kind: "order.miss",
      title: "抢单超时未到场",
      body: `${h.code}「${h.title}」接单人未在时限内到场，已退回抢单大厅`,
      entity: "order",
      entityId: h.id,
      link: `/admin/orders/${h.code}`,
    },
    {
      userId: h.taker_user_id,
      kind: "order.miss",
      title: "订单已退回",
      body: `您抢到的 ${h.code}「${h.title}」未在时限内到场，已退回抢单大厅`,
      entity: "order",
      entityId: h.id,
      link: `/mobile/orders/${h.code}`,
    },
  ]);
  await notify(tx, notices);
  return hits.length;
}

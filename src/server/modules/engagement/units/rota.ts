import { and, asc, between, count, eq, gte, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { unprocessable } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { type Notice, notify } from "../../../platform/notify/index.ts";
import { getNode } from "../../territory/index.ts";
import { reportIns, saturdayRota, unitPairings } from "../tables.ts";
import { type Viewer, viewerCondition } from "./access.ts";
import { chinaToday, namesOf } from "./names.ts";
import { assertFilters, liveNow } from "./pairings.ts";
import { staffOfUnit } from "./unit-staff.ts";

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** The first Saturday on or after a day. */
export const firstSaturday = (day: string) =>
  addDays(day, (6 - new Date(`${day}T00:00:00Z`).getUTCDay() + 7) % 7);

type RotaRow = typeof saturdayRota.$inferSelect;

/**
 * POST /engagement/rota: the community's live-paired units take its Saturdays in turn (周六报到),
 * the oldest pairing first. Generating again over the same days gives the same rota (an upsert on
 * community and day); a day whose unit changes is reminded again.
 */
export async function generateRota(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { communityId: string; from: string; weeks: number },
) {
  const community = await getNode(db, principal, input.communityId, "engagement.manage");
  const pairings = await db
    .select()
    .from(unitPairings)
    .where(and(eq(unitPairings.communityId, community.id), liveNow()))
    .orderBy(asc(unitPairings.createdAt), asc(unitPairings.id));
  const first = firstSaturday(input.from);
  const rows: RotaRow[] = [];
  let turn = 0;
  for (let week = 0; week < input.weeks; week++) {
    const day = addDays(first, week * 7);
    const open = pairings.filter((p) => p.startsOn <= day && day <= p.endsOn);
    const pairing = open[turn % Math.max(open.length, 1)];
    if (!pairing) continue;
    turn++;
    rows.push({
      pairingId: pairing.id,
      unitId: pairing.unitId,
      communityId: community.id,
      territoryPath: community.path,
      day,
      remindedAt: null,
    });
  }
  if (rows.length === 0) throw unprocessable("NO_PAIRED_UNITS", { field: "communityId" });
  return audited(db, actor, async (tx, audit) => {
    await tx
      .insert(saturdayRota)
      .values(rows)
      .onConflictDoUpdate({
        target: [saturdayRota.communityId, saturdayRota.day],
        set: {
          pairingId: sql`excluded.pairing_id`,
          unitId: sql`excluded.unit_id`,
          remindedAt: sql`case when ${saturdayRota.unitId} = excluded.unit_id then ${saturdayRota.remindedAt} end`,
        },
      });
    await audit({
      action: "engagement.rota.generate",
      entity: "territory_node",
      entityId: community.id,
      after: { from: first, weeks: input.weeks, days: rows.length },
    });
    const names = await namesOf(tx, { units: rows.map((r) => r.unitId), communities: [community.id] });
    return { items: rows.map((r) => present(r, names)), total: rows.length };
  });
}

type Names = Awaited<ReturnType<typeof namesOf>>;
const present = (r: RotaRow, names: Names) => ({
  day: r.day,
  pairingId: r.pairingId,
  unit: names.unit(r.unitId),
  community: names.community(r.communityId),
  remindedAt: r.remindedAt?.toISOString() ?? null,
});

export interface RotaFilter extends Paging {
  communityId?: string;
  unitId?: string;
  from?: string;
  to?: string;
}

/** GET /engagement/rota: the Saturdays of the community's scope, or of the caller's unit, by date. */
export async function listRota(db: Db, viewer: Viewer, f: RotaFilter) {
  await assertFilters(db, viewer, f);
  const where = and(
    viewerCondition(viewer, saturdayRota.territoryPath, saturdayRota.unitId),
    f.communityId ? eq(saturdayRota.communityId, f.communityId) : undefined,
    f.unitId ? eq(saturdayRota.unitId, f.unitId) : undefined,
    f.from ? gte(saturdayRota.day, f.from) : undefined,
    f.to ? lte(saturdayRota.day, f.to) : undefined,
  );
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(saturdayRota)
      .where(where)
      .orderBy(asc(saturdayRota.day), asc(saturdayRota.communityId))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(saturdayRota).where(where),
  ]);
  const names = await namesOf(db, {
    units: rows.map((r) => r.unitId),
    communities: rows.map((r) => r.communityId),
  });
  return { items: rows.map((r) => present(r, names)), total: total?.n ?? 0 };
}

/**
 * The daily job: for rota days up to two days ahead not yet reminded, tells the unit's staff and
 * its members taken in by that community, and marks the day reminded. The conditional UPDATE
 * claims each day once, so a second run (or a second process) sends nothing again.
 */
export async function remindRota(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .update(saturdayRota)
      .set({ remindedAt: now })
      .where(
        and(isNull(saturdayRota.remindedAt), between(saturdayRota.day, chinaToday(now), chinaToday(now, 2))),
      )
      .returning();
    if (due.length === 0) return 0;
    const names = await namesOf(tx, {
      units: due.map((r) => r.unitId),
      communities: due.map((r) => r.communityId),
    });
    const notices: Notice[] = [];
    for (const r of due) {
      const members = await tx
        .selectDistinct({ userId: reportIns.userId })
        .from(reportIns)
        .where(
          and(
            eq(reportIns.unitId, r.unitId),
            eq(reportIns.communityId, r.communityId),
            eq(reportIns.year, Number(r.day.slice(0, 4))),
            eq(reportIns.status, "approved"),
            isNotNull(reportIns.userId),
          ),
        );
      const [, m, d] = r.day.split("-").map(Number);
      const community = names.community(r.communityId).name;
      const unit = names.unit(r.unitId).name;
      const body = `${m}月${d}日（周六）轮到${unit}到${community}报到服务，请安排好时间。`;
      const tell = (userId: string | null, link: string) =>
        notices.push({ userId, kind: "engagement.rota", title: "周六报到提醒", body, link });
      for (const userId of await staffOfUnit(tx, r.unitId)) tell(userId, "/admin/engagement/units?tab=rota");
      for (const x of members) tell(x.userId, "/mobile/engagement/report-in");
    }
    await notify(tx, notices);
    return due.length;
  });
}

import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { likePattern } from "../../platform/db/index.ts";
import { type Paging, selectPage } from "../../platform/http/paging.ts";
import { getNode, nodesByIds } from "../territory/index.ts";
import { type ActivityRow, activityInArea, teamInArea, teamNames } from "./activities.ts";
import { areaOf, inArea } from "./area.ts";
import { qrPayload } from "./checkin-code.ts";
import { stageOf, statusAt } from "./flow.ts";
import { slotsOf } from "./schedule.ts";
import { activities, activitySignups, type ScheduleMode, volunteers } from "./tables.ts";

type SignupRow = typeof activitySignups.$inferSelect;
interface Tally {
  activityId: string;
  slot: Date | null;
  status: string;
  n: number;
}

/** Confirmed and waiting sign-ups per activity and slot. */
async function talliesOf(executor: Executor, ids: string[]): Promise<Tally[]> {
  if (ids.length === 0) return [];
  return executor
    .select({
      activityId: activitySignups.activityId,
      slot: activitySignups.slotStartsAt,
      status: activitySignups.status,
      n: count(),
    })
    .from(activitySignups)
    .where(
      and(
        inArray(activitySignups.activityId, ids),
        inArray(activitySignups.status, ["confirmed", "waiting"]),
      ),
    )
    .groupBy(activitySignups.activityId, activitySignups.slotStartsAt, activitySignups.status);
}

/** Each slot with its places; places left only in slots not yet over, and none once cancelled. */
function placesOf(a: ActivityRow, tallies: Tally[], now: Date) {
  const mine = tallies.filter((t) => t.activityId === a.id);
  const bookable = statusAt(a, now) === "open";
  const slots = slotsOf(a).map((slot) => {
    const key = a.mode === "byAppointment" ? slot.startsAt.getTime() : null;
    const of = (status: string) =>
      mine.find((t) => t.status === status && (t.slot?.getTime() ?? null) === key)?.n ?? 0;
    const confirmed = of("confirmed");
    const open = bookable && slot.endsAt > now;
    return {
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      confirmed,
      waiting: of("waiting"),
      placesLeft: open ? Math.max(0, a.capacity - confirmed) : 0,
      open,
    };
  });
  const sum = (k: "confirmed" | "waiting" | "placesLeft") => slots.reduce((n, s) => n + s[k], 0);
  return { slots, confirmed: sum("confirmed"), waiting: sum("waiting"), placesLeft: sum("placesLeft") };
}

/** The caller's own sign-ups for these activities (none unless he is a registered volunteer). */
async function mySignups(executor: Executor, userId: string, ids: string[]): Promise<SignupRow[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .select({ signup: activitySignups })
    .from(activitySignups)
    .innerJoin(volunteers, eq(volunteers.id, activitySignups.volunteerId))
    .where(and(eq(volunteers.userId, userId), inArray(activitySignups.activityId, ids)));
  return rows.map((r) => r.signup);
}

function presentSignup(s: SignupRow | undefined, a: ActivityRow) {
  if (!s || s.status === "cancelled") return null;
  const stage = stageOf(s);
  // Only a confirmed place gets a code; the secret itself never leaves the server.
  const code = s.status === "confirmed" ? qrPayload(a.checkinSecret, s.id) : null;
  return {
    id: s.id,
    status: s.status,
    stage,
    position: s.position,
    slotStartsAt: s.slotStartsAt?.toISOString() ?? null,
    signedUpAt: s.signedUpAt.toISOString(),
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
    hours: s.hours,
    checkinCode: code,
    checkinToken: code?.split(".")[1] ?? null,
  };
}

async function present(executor: Executor, principal: Principal, rows: ActivityRow[], now: Date) {
  const ids = rows.map((r) => r.id);
  const [tallies, mine, teams, nodes] = await Promise.all([
    talliesOf(executor, ids),
    mySignups(executor, principal.userId, ids),
    teamNames(
      executor,
      rows.map((r) => r.teamId),
    ),
    nodesByIds(executor, [...new Set(rows.map((r) => r.nodeId))]),
  ]);
  return rows.map((a) => {
    const { slots, ...places } = placesOf(a, tallies, now);
    const node = nodes.find((n) => n.id === a.nodeId);
    return {
      item: {
        id: a.id,
        title: a.title,
        description: a.description,
        mode: a.mode,
        place: a.place,
        lat: a.lat,
        lng: a.lng,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        capacity: a.capacity,
        slotMinutes: a.slotMinutes,
        status: statusAt(a, now),
        team: a.teamId ? { id: a.teamId, name: teams.get(a.teamId) ?? "" } : null,
        node: { id: a.nodeId, name: node?.name ?? "" },
        ...places,
        mySignup: presentSignup(
          mine.find((s) => s.activityId === a.id),
          a,
        ),
        createdAt: a.createdAt.toISOString(),
      },
      slots,
    };
  });
}

export interface ActivityFilter extends Paging {
  /** upcoming (default): open and not over, soonest first; past: over, latest first; all. */
  when?: "upcoming" | "past" | "all";
  mode?: ScheduleMode;
  teamId?: string;
  underId?: string;
  q?: string;
  /** Only those the caller manages (the organiser's check-in page). */
  managed?: boolean;
  /** On the start time. */
  from?: string;
  to?: string;
}

/** Activities in the caller's area (staff: and in what they manage), with places left and his own sign-up. */
export async function listActivities(db: Db, principal: Principal, f: ActivityFilter, now = new Date()) {
  const area = await areaOf(db, principal);
  const conditions: SQL[] = [inArea(area, activities.territoryPath)];
  const when = f.when ?? "upcoming";
  if (when === "upcoming") conditions.push(eq(activities.status, "open"), gt(activities.endsAt, now));
  if (when === "past") conditions.push(lte(activities.endsAt, now));
  if (f.mode) conditions.push(eq(activities.mode, f.mode));
  if (f.from) conditions.push(gte(activities.startsAt, new Date(f.from)));
  if (f.to) conditions.push(lt(activities.startsAt, new Date(f.to)));
  if (f.managed) conditions.push(inScope(principal, "volunteering.manage", activities.territoryPath));
  // A team he may not see is not found, as by its id; its activities are not an empty page.
  if (f.teamId) conditions.push(eq(activities.teamId, (await teamInArea(db, area, f.teamId)).id));
  if (f.q) conditions.push(ilike(activities.title, likePattern(f.q.trim())));
  if (f.underId) {
    const node = await getNode(db, principal, f.underId, "volunteering.manage");
    conditions.push(sql`${activities.territoryPath} like ${`${node.path}%`}`);
  }
  const where = and(...conditions);
  const order = when === "upcoming" ? asc(activities.startsAt) : desc(activities.startsAt);
  const { rows, total } = await selectPage(db, activities, where, [order, asc(activities.id)], f);
  const items = await present(db, principal, rows, now);
  return { items: items.map((x) => x.item), total };
}

/** One activity with its slots, the caller's sign-up (and check-in code) and whether he manages it. */
export async function getActivity(db: Db, principal: Principal, id: string, now = new Date()) {
  const row = await activityInArea(db, await areaOf(db, principal), id);
  const [managed] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.id, id), inScope(principal, "volunteering.manage", activities.territoryPath)));
  const [view] = await present(db, principal, [row], now);
  if (!view) throw new Error("activity vanished");
  return { ...view.item, slots: view.slots, canManage: managed !== undefined };
}

import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Actor, auditRows } from "../../../platform/audit/index.ts";
import {
  type Db,
  type InsertPart,
  insertPart,
  insertTogether,
  rowsOf,
  type Tx,
} from "../../../platform/db/index.ts";
import { metresBetween } from "../../../platform/geo/index.ts";
import { notify } from "../../../platform/notify/index.ts";
import { gridCodePrefix } from "../../territory/index.ts";
import { arrivalNotices } from "../arrivals.ts";
import type { Category } from "../catalog.ts";
import type { CaseStatus } from "../flow.ts";
import { caseCounters, caseEvents, cases } from "../tables.ts";

type CaseInsert = typeof cases.$inferInsert;

/** A case ready to be written: everything but its code and its duplicate check, which need the batch. */
export interface PreparedCase {
  actor: Actor;
  category: Pick<Category, "code" | "duplicateMeters" | "duplicateHours">;
  row: Omit<CaseInsert, "code" | "suggestedMasterId"> &
    Required<Pick<CaseInsert, "id" | "status" | "lat" | "lng" | "photos" | "createdAt">>;
}

export interface Written {
  id: string;
  code: string;
  status: CaseStatus;
  suggestedMasterId: string | null;
}

interface Pending {
  prepared: PreparedCase;
  resolve: (w: Written) => void;
  reject: (err: unknown) => void;
}

/** Up to this many intakes are written together, and up to this many batches at once. */
const MAX_BATCH = 64;
const MAX_IN_FLIGHT = 2;
interface Writer {
  queue: Pending[];
  inFlight: number;
  scheduled: boolean;
}
const writers = new WeakMap<Db, Writer>();
// Two-key advisory locks (findDuplicates), a key space apart from the one-key ones.
const DUPLICATE_LOCK_CLASS = 7_301_946;

/**
 * Group commit: intakes that arrive while batches are being written wait for the next one and go
 * in together — one counter update, one duplicate query, one statement inserting the cases, their
 * events and audit rows. Alone, an intake is written at once. If a batch fails, each of its cases
 * is tried on its own, so one bad case (a replayed hotline record) fails nothing else.
 * The duplicate check and the insert run in one transaction holding locks on the places checked,
 * so of two batches reporting one thing, in this process or another, the second waits for the
 * first to commit and sees its cases.
 */
export function writeCase(db: Db, prepared: PreparedCase): Promise<Written> {
  let writer = writers.get(db);
  if (!writer) {
    writer = { queue: [], inFlight: 0, scheduled: false };
    writers.set(db, writer);
  }
  const w = writer;
  return new Promise<Written>((resolve, reject) => {
    w.queue.push({ prepared, resolve, reject });
    schedule(db, w);
  });
}

/**
 * Starts batches on the next turn of the event loop, so that the requests already received join
 * them (PGlite answers within microtasks: without the turn they would never reach the queue).
 */
function schedule(db: Db, writer: Writer): void {
  if (writer.scheduled) return;
  writer.scheduled = true;
  setImmediate(() => {
    writer.scheduled = false;
    while (writer.queue.length > 0 && writer.inFlight < MAX_IN_FLIGHT) {
      writer.inFlight++;
      void writeBatch(db, writer.queue.splice(0, MAX_BATCH)).finally(() => {
        writer.inFlight--;
        schedule(db, writer);
      });
    }
  });
}

type Row = PreparedCase["row"] & { code: string; suggestedMasterId: string | null };

/**
 * Numbers the batch, then writes it together; if that fails, each case alone in turn with the
 * number it was given, so only the bad ones fail (and a case checked after a failed one cannot
 * name it, as it is not there). A case that fails leaves a gap in the day's numbers, never a duplicate.
 */
async function writeBatch(db: Db, batch: Pending[]): Promise<void> {
  const cases = batch.map((p) => p.prepared);
  let codes: string[];
  try {
    codes = await nextCodes(
      db,
      cases.map((p) => p.row.createdAt),
    );
  } catch (err) {
    for (const p of batch) p.reject(err);
    return;
  }
  const answer = (p: Pending | undefined, r: Row) =>
    p?.resolve({ id: r.id, code: r.code, status: r.status, suggestedMasterId: r.suggestedMasterId });
  try {
    const rows = await writeTogether(db, cases, codes);
    for (const [i, r] of rows.entries()) answer(batch[i], r);
  } catch (err) {
    if (batch.length === 1) return batch[0]?.reject(err);
    for (const [i, p] of batch.entries()) {
      await writeTogether(db, [p.prepared], [codes[i] as string]).then(
        ([r]) => answer(p, r as Row),
        (e: unknown) => p.reject(e),
      );
    }
  }
}

/**
 * In one transaction: the duplicate check (which first locks the places it looks at, so what it
 * finds stays true until the commit), then the cases with their events and audit rows in one
 * statement. The answers go out once committed.
 */
function writeTogether(db: Db, cases: PreparedCase[], codes: string[]): Promise<Row[]> {
  return db.transaction(async (tx) => {
    const candidates = await findDuplicates(tx, cases);
    const rows = cases.map((p, i) => ({
      ...p.row,
      code: codes[i] as string,
      suggestedMasterId: candidates[i]?.[0] ?? null,
    }));
    await insertTogether(tx, tablesOf(cases.map((p, i) => [p, rows[i] as Row])));
    // Each lands in an inbox: its grid's workers (or the community, or the department) are told.
    const arriving = rows.map((r, i) => ({
      ...r,
      gridId: r.gridId ?? null,
      communityId: r.communityId ?? null,
      streetId: r.streetId ?? null,
      departmentId: r.departmentId ?? null,
      by: cases[i]?.actor.userId,
    }));
    await notify(tx, await arrivalNotices(tx, arriving));
    return rows;
  });
}

/** The case, its first event and its audit row, for each. */
function tablesOf(items: Array<[PreparedCase, Row]>): InsertPart[] {
  const rows = items.map(([p, row]) => ({ p, row }));
  return [
    insertPart(
      cases,
      rows.map(({ row }) => row),
    ),
    insertPart(
      caseEvents,
      rows.map(({ p, row }) => ({
        caseId: row.id,
        at: row.createdAt,
        actorId: p.actor.userId,
        actorName: p.actor.name ?? null,
        action: "submit" as const,
        toStatus: row.status,
        note: row.description,
        photos: row.photos,
        data: {
          channel: row.channel,
          ...(row.suggestedMasterId ? { suggestedMasterId: row.suggestedMasterId } : {}),
        },
      })),
    ),
    insertPart(
      ...auditRows(
        rows.map(({ p, row }) => [
          p.actor,
          {
            action: "cases.submit",
            entity: "case",
            entityId: row.id,
            after: { code: row.code, channel: row.channel, category: row.categoryCode, status: row.status },
          },
        ]),
      ),
    ),
  ];
}

/**
 * `XG-20261123-0001`: district prefix, China date, the day's running number (at least 4 digits).
 * One counter update per day in the batch takes all its numbers.
 */
async function nextCodes(db: Db, times: Date[]): Promise<string[]> {
  const days = times.map((t) =>
    new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", ""),
  );
  const prefix = (await gridCodePrefix(db)) ?? "GD";
  const next = new Map<string, number>();
  for (const day of new Set(days)) {
    const k = days.filter((d) => d === day).length;
    const [counter] = await db
      .insert(caseCounters)
      .values({ day, n: k })
      .onConflictDoUpdate({ target: caseCounters.day, set: { n: sql`${caseCounters.n} + ${k}` } })
      .returning({ n: caseCounters.n });
    next.set(day, (counter?.n ?? k) - k + 1);
  }
  return days.map((day) => {
    const n = next.get(day) ?? 1;
    next.set(day, n + 1);
    return `${prefix}-${day}-${String(n).padStart(4, "0")}`;
  });
}

interface Probe {
  i: number;
  cat: string;
  lat0: number;
  lat1: number;
  lng0: number;
  lng1: number;
  since: string;
}

/**
 * For each case, the open cases of the same category within the category's distance and time
 * window, nearest first: those already written (one query for the batch) and those earlier in the
 * batch itself, as if they had come one after another.
 * First it takes the locks of its search boxes (locksOf), in key order so that two batches never
 * wait for each other both ways. Two reports of one thing both lock the cell of either one's place,
 * so whichever checks second waits for the first to commit and finds it, whatever process wrote
 * it, and whatever distance each process's cached category holds.
 */
async function findDuplicates(tx: Tx, batch: PreparedCase[]): Promise<string[][]> {
  const probes: Probe[] = [];
  batch.forEach(({ category, row }, i) => {
    if (category.duplicateMeters <= 0 || category.duplicateHours <= 0 || row.lat === null || row.lng === null)
      return;
    const dLat = category.duplicateMeters / 111_320;
    const dLng = dLat / Math.max(0.01, Math.cos((row.lat * Math.PI) / 180));
    const since = new Date(row.createdAt.getTime() - category.duplicateHours * 3_600_000);
    probes.push({
      i,
      cat: category.code,
      lat0: row.lat - dLat,
      lat1: row.lat + dLat,
      lng0: row.lng - dLng,
      lng1: row.lng + dLng,
      since: since.toISOString(),
    });
  });
  if (probes.length === 0) return batch.map(() => []);
  await tx.execute(sql`
    select case when x.ex then pg_advisory_xact_lock(${DUPLICATE_LOCK_CLASS}, x.k)
      else pg_advisory_xact_lock_shared(${DUPLICATE_LOCK_CLASS}, x.k) end
    from json_to_recordset(${JSON.stringify(locksOf(probes))}::json) as x(k int, ex bool)`);
  const found = await tx.execute(sql`
    select q.i, c.id, c.lat, c.lng
    from json_to_recordset(${JSON.stringify(probes)}::json)
      as q(i int, cat text, lat0 float8, lat1 float8, lng0 float8, lng1 float8, since timestamptz)
    cross join lateral (
      select id, lat, lng from ${cases}
      where category_code = q.cat and created_at > q.since and master_id is null
        and status not in ('merged', 'withdrawn', 'closed')
        and lat between q.lat0 and q.lat1 and lng between q.lng0 and q.lng1
      limit 20
    ) c`);
  const candidates = new Map<number, Spot[]>();
  for (const r of rowsOf<{ i: number } & Spot>(found))
    candidates.set(r.i, [...(candidates.get(r.i) ?? []), r]);
  const probed = new Set(probes.map((p) => p.i));
  return batch.map(({ category, row }, i) => {
    if (!probed.has(i) || row.lat === null || row.lng === null) return [];
    const here = { lat: row.lat, lng: row.lng };
    const before = batch.slice(0, i).flatMap((b) => spotOf(b, category.code));
    const near: Array<[string, number]> = [];
    for (const c of [...(candidates.get(i) ?? []), ...before]) {
      const d = metresBetween(here, c);
      if (d <= category.duplicateMeters) near.push([c.id, d]);
    }
    return near.sort((a, b) => a[1] - b[1]).map(([id]) => id);
  });
}

/**
 * The lock cells: about 220 m, so a search box (twice a category's distance, 60 to 300 m by
 * default) touches a few, and batches writing elsewhere in the district rarely wait for each other.
 */
const CELL_DEGREES = 0.002;
/** A box touching more cells than this (a distance of some 800 m) locks its whole category instead. */
const MAX_CELLS = 64;
const cell = (degrees: number) => Math.floor(degrees / CELL_DEGREES);
const keyOf = (text: string) => createHash("sha256").update(text).digest().readInt32BE(0);

/**
 * The locks a batch takes, in key order: per category, each cell its boxes touch, exclusively, and
 * the category itself shared — or exclusively, for a box too large for cells, which so waits for
 * every other check of its category (and they for it).
 */
function locksOf(probes: Probe[]): Array<{ k: number; ex: boolean }> {
  const locks = new Map<number, boolean>();
  for (const p of probes) {
    const whole = keyOf(p.cat);
    const [x0, x1] = [cell(p.lng0), cell(p.lng1)];
    const [y0, y1] = [cell(p.lat0), cell(p.lat1)];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS) {
      locks.set(whole, true);
      continue;
    }
    if (!locks.has(whole)) locks.set(whole, false);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) locks.set(keyOf(`${p.cat}:${x}:${y}`), true);
  }
  return [...locks].sort((a, b) => a[0] - b[0]).map(([k, ex]) => ({ k, ex }));
}

interface Spot {
  id: string;
  lat: number;
  lng: number;
}
const spotOf = ({ category, row }: PreparedCase, code: string): Spot[] =>
  category.code === code && row.lat !== null && row.lng !== null
    ? [{ id: row.id, lat: row.lat, lng: row.lng }]
    : [];

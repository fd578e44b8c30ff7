import { setImmediate } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { type Actor, auditRows } from "../../platform/audit/index.ts";
import { type Db, type InsertPart, insertPart, insertTogether, rowsOf } from "../../platform/db/index.ts";
import { gridCodePrefix } from "../territory/index.ts";
import type { Category } from "./catalog.ts";
import type { CaseStatus } from "./flow.ts";
import { caseCounters, caseEvents, cases } from "./tables.ts";

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

/** Up to this many intakes are written together. */
const MAX_BATCH = 64;
interface Writer {
  queue: Pending[];
  busy: boolean;
}
const writers = new WeakMap<Db, Writer>();

/**
 * Group commit: intakes that arrive while a batch is being written wait for the next one and go
 * in together — one counter update, one duplicate query, one statement inserting the cases, their
 * events and audit rows. Alone, an intake is written at once. If a batch fails, each of its cases
 * is tried on its own, so one bad case (a replayed hotline record) fails nothing else.
 * One batch at a time per process: each batch's duplicate check then sees every case taken in
 * before it (a second writer would race the first, as two transactions do).
 */
export function writeCase(db: Db, prepared: PreparedCase): Promise<Written> {
  let writer = writers.get(db);
  if (!writer) {
    writer = { queue: [], busy: false };
    writers.set(db, writer);
  }
  const w = writer;
  return new Promise<Written>((resolve, reject) => {
    w.queue.push({ prepared, resolve, reject });
    if (!w.busy) void drain(db, w);
  });
}

async function drain(db: Db, writer: Writer): Promise<void> {
  writer.busy = true;
  try {
    // PGlite answers within microtasks: without a turn of the event loop here the requests
    // already received would never reach the queue while a batch is written.
    for (await setImmediate(); writer.queue.length > 0; await setImmediate()) {
      const batch = writer.queue.splice(0, MAX_BATCH);
      try {
        await writeBatch(db, batch);
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
  } finally {
    writer.busy = false;
  }
}

/**
 * Numbers, duplicate check, then the cases with their events and audit rows in one statement.
 * If that fails, each case is tried alone, so only the bad ones fail. The numbers are taken in
 * their own statement: inside the write the day's counter row would stay locked until commit, and
 * another process's writer would queue behind it. A case that fails leaves a gap in the day's numbers,
 * never a duplicate.
 */
async function writeBatch(db: Db, batch: Pending[]): Promise<void> {
  const prepared = batch.map((p) => p.prepared);
  const codes = await nextCodes(
    db,
    prepared.map((p) => p.row.createdAt),
  );
  const masters = await findDuplicates(db, prepared);
  const rows = prepared.map((p, i) => ({
    ...p.row,
    code: codes[i] as string,
    suggestedMasterId: masters[i] ?? null,
  }));
  const write = (only: number[]) =>
    insertTogether(db, tablesOf(only.map((i) => [prepared[i], rows[i]] as const)));
  const done = (p: Pending, i: number) => {
    const r = rows[i] as (typeof rows)[number];
    p.resolve({ id: r.id, code: r.code, status: r.status, suggestedMasterId: r.suggestedMasterId });
  };
  try {
    await write(batch.map((_, i) => i));
    batch.forEach(done);
  } catch (err) {
    if (batch.length === 1) throw err;
    for (const [i, p] of batch.entries()) await write([i]).then(() => done(p, i), p.reject);
  }
}

type Row = PreparedCase["row"] & { code: string; suggestedMasterId: string | null };

/** The case, its first event and its audit row, for each. */
function tablesOf(items: ReadonlyArray<readonly [PreparedCase | undefined, Row | undefined]>): InsertPart[] {
  const rows = items.flatMap(([p, row]) => (p && row ? [{ p, row }] : []));
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
 * For each case, an open case of the same category within the category's distance and time
 * window, nearest first: those already written (one query for the batch) and those earlier in
 * the batch itself, as if they had come one after another.
 */
async function findDuplicates(db: Db, batch: PreparedCase[]): Promise<Array<string | null>> {
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
  const candidates = new Map<number, Array<{ id: string; lat: number; lng: number }>>();
  if (probes.length > 0) {
    const found = await db.execute(sql`
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
    for (const r of rowsOf<{ i: number; id: string; lat: number; lng: number }>(found))
      candidates.set(r.i, [...(candidates.get(r.i) ?? []), r]);
  }
  const probed = new Set(probes.map((p) => p.i));
  return batch.map(({ category, row }, i) => {
    if (!probed.has(i) || row.lat === null || row.lng === null) return null;
    const earlier = batch
      .slice(0, i)
      .flatMap((b) =>
        b.category.code === category.code && b.row.lat !== null && b.row.lng !== null
          ? [{ id: b.row.id, lat: b.row.lat, lng: b.row.lng }]
          : [],
      );
    let best: { id: string; d: number } | null = null;
    for (const c of [...(candidates.get(i) ?? []), ...earlier]) {
      const d = metresBetween(row.lat, row.lng, c.lat, c.lng);
      if (d <= category.duplicateMeters && (!best || d < best.d)) best = { id: c.id, d };
    }
    return best?.id ?? null;
  });
}

function metresBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

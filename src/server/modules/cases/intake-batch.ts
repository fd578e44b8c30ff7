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

/** Up to this many intakes are written together, and up to this many batches at once. */
const MAX_BATCH = 64;
const MAX_IN_FLIGHT = 2;
interface Writer {
  queue: Pending[];
  inFlight: Set<InFlight>;
  scheduled: boolean;
}
/** A batch being written: its cases, and (once written) the ids of those that failed. */
interface InFlight {
  cases: PreparedCase[];
  failed: Promise<Set<string>>;
}
const writers = new WeakMap<Db, Writer>();

/**
 * Group commit: intakes that arrive while batches are being written wait for the next one and go
 * in together — one counter update, one duplicate query, one statement inserting the cases, their
 * events and audit rows. Alone, an intake is written at once. If a batch fails, each of its cases
 * is tried on its own, so one bad case (a replayed hotline record) fails nothing else.
 * A few batches are written at once, in one process: each batch's duplicate check counts the cases
 * of the batches still being written as earlier ones, so it sees every case taken in before it
 * (two processes checking independently would race, as two transactions do), and a case named as
 * a possible master is known to be written before the case naming it is.
 */
export function writeCase(db: Db, prepared: PreparedCase): Promise<Written> {
  let writer = writers.get(db);
  if (!writer) {
    writer = { queue: [], inFlight: new Set(), scheduled: false };
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
    while (writer.queue.length > 0 && writer.inFlight.size < MAX_IN_FLIGHT) {
      const batch = writer.queue.splice(0, MAX_BATCH);
      const cases = batch.map((p) => p.prepared);
      const flight: InFlight = { cases, failed: writeBatch(db, batch, [...writer.inFlight]) };
      writer.inFlight.add(flight);
      void flight.failed.finally(() => {
        writer.inFlight.delete(flight);
        schedule(db, writer);
      });
    }
  });
}

type Row = PreparedCase["row"] & { code: string; suggestedMasterId: string | null };
interface Numbered {
  codes: string[];
  /** Per case, the open cases it may repeat, nearest first. */
  candidates: string[][];
}

async function numberBatch(db: Db, cases: PreparedCase[], beingWritten: PreparedCase[]): Promise<Numbered> {
  const [codes, candidates] = await Promise.all([
    nextCodes(
      db,
      cases.map((p) => p.row.createdAt),
    ),
    findDuplicates(db, cases, beingWritten),
  ]);
  return { codes, candidates };
}

/**
 * Numbers and duplicate check, then the cases with their events and audit rows in one statement;
 * if that fails, each case alone, so only the bad ones fail. A case names as its possible master
 * only one that is written: it waits for the batches holding its candidates. Resolves to the ids
 * that failed. A case that fails leaves a gap in the day's numbers, never a duplicate.
 */
async function writeBatch(db: Db, batch: Pending[], earlier: InFlight[]): Promise<Set<string>> {
  const cases = batch.map((p) => p.prepared);
  let numbered: Numbered;
  try {
    numbered = await numberBatch(
      db,
      cases,
      earlier.flatMap((f) => f.cases),
    );
  } catch (err) {
    for (const p of batch) p.reject(err);
    return new Set(cases.map((c) => c.row.id));
  }
  const named = new Set(numbered.candidates.flat());
  const failed = new Set<string>();
  for (const f of earlier)
    if (f.cases.some((c) => named.has(c.row.id))) for (const id of await f.failed) failed.add(id);
  const rowAt = (i: number): Row => {
    const p = cases[i] as PreparedCase;
    const master = numbered.candidates[i]?.find((id) => !failed.has(id));
    return { ...p.row, code: numbered.codes[i] as string, suggestedMasterId: master ?? null };
  };
  const write = (rows: Array<[number, Row]>) =>
    insertTogether(db, tablesOf(rows.map(([i, row]) => [cases[i] as PreparedCase, row])));
  const done = (i: number, r: Row) =>
    batch[i]?.resolve({ id: r.id, code: r.code, status: r.status, suggestedMasterId: r.suggestedMasterId });
  const all = batch.map((_, i) => [i, rowAt(i)] as [number, Row]);
  try {
    await write(all);
    for (const [i, r] of all) done(i, r);
  } catch (err) {
    if (batch.length === 1) {
      batch[0]?.reject(err);
      return new Set(all.map(([, r]) => r.id));
    }
    for (const [i, p] of batch.entries()) {
      const row = rowAt(i);
      await write([[i, row]]).then(
        () => done(i, row),
        (e: unknown) => {
          failed.add(row.id);
          p.reject(e);
        },
      );
    }
  }
  return new Set(all.flatMap(([, r]) => (failed.has(r.id) ? [r.id] : [])));
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
 * window, nearest first: those already written (one query for the batch), those still being
 * written, and those earlier in the batch itself, as if they had come one after another.
 */
async function findDuplicates(
  db: Db,
  batch: PreparedCase[],
  beingWritten: PreparedCase[],
): Promise<string[][]> {
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
  const candidates = new Map<number, Spot[]>();
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
    for (const r of rowsOf<{ i: number } & Spot>(found))
      candidates.set(r.i, [...(candidates.get(r.i) ?? []), r]);
  }
  const probed = new Set(probes.map((p) => p.i));
  const earlier = [...beingWritten, ...batch];
  return batch.map(({ category, row }, i) => {
    if (!probed.has(i) || row.lat === null || row.lng === null) return [];
    const before = earlier.slice(0, beingWritten.length + i).flatMap((b) => spotOf(b, category.code));
    // A case written meanwhile can be both found and still counted as being written.
    const near = new Map<string, number>();
    for (const c of [...(candidates.get(i) ?? []), ...before]) {
      const d = metresBetween(row.lat, row.lng, c.lat, c.lng);
      if (d <= category.duplicateMeters) near.set(c.id, d);
    }
    return [...near].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  });
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

function metresBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import type { CaseAction, CaseStatus, HandlerLevel } from "./flow.ts";
import {
  type Channel,
  caseCounters,
  caseEvents,
  cases,
  departments,
  type RequestType,
  type Urgency,
  type WhistleStatus,
  whistles,
} from "./tables.ts";

export interface BulkCaseEvent {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: CaseAction | "submit" | "remind" | "supervise" | "follow";
  fromStatus?: CaseStatus;
  toStatus?: CaseStatus;
  note?: string;
  /** May refer by `departmentCode`, `departmentCodes`, `whistleIndex`, `masterKey`, `suggestedMasterKey`. */
  data: Record<string, unknown>;
}

export interface BulkWhistle {
  departmentCode: string;
  status: WhistleStatus;
  request: string;
  createdAt: Date;
  deadline: Date;
  whistledBy: string | null;
  acceptedAt?: Date;
  reportedAt?: Date;
  report?: string;
  score?: number;
  ratingComment?: string;
  overdue: boolean;
}

/** A case with its history, as demo data or a migration from another system brings it. */
export interface BulkCase {
  /** The caller's key; `masterKey` and `suggestedMasterKey` refer to other cases of the batch by it. */
  key: string;
  code: string;
  channel: Channel;
  sourceRef?: string;
  categoryCode: string;
  requestType: RequestType;
  urgency: Urgency;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  householdId: string | null;
  gridId: string | null;
  communityId: string | null;
  streetId: string | null;
  territoryPath: string;
  status: CaseStatus;
  departmentCode?: string;
  reporterUserId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  masterKey?: string;
  suggestedMasterKey?: string;
  createdAt: Date;
  updatedAt: Date;
  responseDueAt: Date;
  resolveDueAt: Date;
  respondedAt?: Date;
  resolvedAt?: Date;
  closedAt?: Date;
  slaDone: string[];
  supervisedBy?: HandlerLevel;
  rating?: number;
  ratingComment?: string;
  needsReview: boolean;
  extra: Record<string, unknown>;
  events: BulkCaseEvent[];
  whistles: BulkWhistle[];
}

const CODE_RE = /-(\d{8})-(\d+)$/;

/**
 * Writes cases with their timelines and whistles in a few statements (bulkInsert), and raises each
 * day's counter to the highest number used, so live intake numbers on after them. Returns key → id.
 */
export async function bulkInsertCases(executor: Executor, rows: BulkCase[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const known = await executor.select({ id: departments.id, code: departments.code }).from(departments);
  const departmentIds = new Map(known.map((d) => [d.code, d.id]));
  const department = (code: string) => {
    const id = departmentIds.get(code);
    if (!id) throw new Error(`unknown department ${code}`);
    return id;
  };
  const ids = new Map(rows.map((r) => [r.key, randomUUID()]));
  const idOf = (key: string | undefined) => (key === undefined ? null : (ids.get(key) ?? null));

  const caseRows: Array<typeof cases.$inferInsert> = [];
  const whistleRows: Array<typeof whistles.$inferInsert> = [];
  const eventRows: Array<typeof caseEvents.$inferInsert> = [];
  const counters = new Map<string, number>();
  for (const r of rows) {
    const id = idOf(r.key) as string;
    const { key, departmentCode, masterKey, suggestedMasterKey, events, whistles: calls, ...fields } = r;
    // Every row carries every column: bulkInsert writes null for a column some rows leave out.
    caseRows.push({
      ...fields,
      id,
      sourceRef: r.sourceRef ?? null,
      photos: [],
      departmentId: departmentCode ? department(departmentCode) : null,
      masterId: idOf(masterKey),
      suggestedMasterId: idOf(suggestedMasterKey),
      respondedAt: r.respondedAt ?? null,
      resolvedAt: r.resolvedAt ?? null,
      closedAt: r.closedAt ?? null,
      supervisedBy: r.supervisedBy ?? null,
      rating: r.rating ?? null,
      ratingComment: r.ratingComment ?? null,
    });
    const whistleIds = calls.map(() => randomUUID());
    calls.forEach((w, i) => {
      whistleRows.push({
        id: whistleIds[i],
        caseId: id,
        departmentId: department(w.departmentCode),
        territoryPath: r.territoryPath,
        status: w.status,
        request: w.request,
        deadline: w.deadline,
        whistledBy: w.whistledBy,
        acceptedAt: w.acceptedAt ?? null,
        reportedAt: w.reportedAt ?? null,
        report: w.report ?? null,
        reportPhotos: [],
        score: w.score ?? null,
        ratingComment: w.ratingComment ?? null,
        overdue: w.overdue,
        createdAt: w.createdAt,
        // History as it happened: its last step, not the moment it was loaded.
        updatedAt: w.reportedAt ?? w.acceptedAt ?? w.createdAt,
      });
    });
    for (const e of events) {
      const {
        departmentCode: dc,
        departmentCodes,
        whistleIndex,
        masterKey: mk,
        suggestedMasterKey: sk,
        ...data
      } = e.data;
      if (typeof dc === "string") data.departmentId = department(dc);
      if (Array.isArray(departmentCodes))
        data.departmentIds = departmentCodes.map((c) => department(String(c)));
      if (typeof whistleIndex === "number") data.whistleId = whistleIds[whistleIndex];
      if (typeof mk === "string") data.masterId = idOf(mk);
      if (typeof sk === "string") data.suggestedMasterId = idOf(sk);
      eventRows.push({
        id: randomUUID(),
        caseId: id,
        at: e.at,
        actorId: e.actorId,
        actorName: e.actorName,
        action: e.action,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus ?? null,
        note: e.note ?? null,
        photos: [],
        data,
      });
    }
    const [, day, n] = CODE_RE.exec(r.code) ?? [];
    if (day && n) counters.set(day, Math.max(counters.get(day) ?? 0, Number(n)));
  }
  await bulkInsert(executor, cases, caseRows);
  await bulkInsert(executor, whistles, whistleRows);
  await bulkInsert(executor, caseEvents, eventRows);
  if (counters.size === 0) return ids;
  await executor
    .insert(caseCounters)
    .values([...counters].map(([day, n]) => ({ day, n })))
    .onConflictDoUpdate({
      target: caseCounters.day,
      set: { n: sql`greatest(${caseCounters.n}, excluded.n)` },
    });
  return ids;
}

import type { Executor } from "../../../platform/db/index.ts";
import { type RecordKind, type SixOne, serviceRecords, sixOnes } from "../tables.ts";

/** A service that lands in a member's record (纪实手册) from another module or this one. */
export interface LandedService {
  memberId: string;
  userId: string | null;
  /** His unit when he served, for the unit's ledger (in-service members). */
  unitId: string | null;
  territoryPath: string;
  kind: RecordKind;
  /** The business key: `orders.completed:<order id>`, `visit:<visit id>` … one record per key. */
  sourceKey: string;
  title: string;
  hours?: number | null;
  /** China date, YYYY-MM-DD. */
  servedOn: string;
  photos?: string[];
}

/** The 六个一 item a kind of service fulfils (a talk or a survey is ticked by the community). */
const FULFILS: Partial<Record<RecordKind, SixOne>> = {
  partyActivity: "partyLife",
  wish: "wish",
  volunteering: "volunteerDay",
  visit: "pairHousehold",
};

/**
 * Writes an approved record once per business key (a redelivered event, a visit sent twice) and
 * ticks the year's 六个一 item it fulfils, if not ticked yet. Returns the record's id, or null when
 * the key had landed already. Runs in the caller's transaction.
 */
export async function landRecord(tx: Executor, s: LandedService): Promise<string | null> {
  const [row] = await tx
    .insert(serviceRecords)
    .values({ ...s, hours: s.hours ?? null, photos: s.photos ?? [], status: "approved" })
    .onConflictDoNothing({ target: serviceRecords.sourceKey })
    .returning({ id: serviceRecords.id });
  if (!row) return null;
  await tickSixOne(tx, s.memberId, s.kind, s.servedOn, row.id);
  return row.id;
}

/** Ticks the 六个一 item an approved record of this kind fulfils in its year (first one wins). */
export async function tickSixOne(
  tx: Executor,
  memberId: string,
  kind: RecordKind,
  servedOn: string,
  recordId: string,
) {
  const item = FULFILS[kind];
  if (!item) return;
  await tx
    .insert(sixOnes)
    .values({ memberId, year: Number(servedOn.slice(0, 4)), item, doneOn: servedOn, recordId })
    .onConflictDoNothing();
}

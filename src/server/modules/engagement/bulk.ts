import { randomUUID } from "node:crypto";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import {
  feedbackCards,
  householdVisits,
  reportIns,
  saturdayRota,
  serviceRecords,
  sixOnes,
  suggestions,
  unitPairings,
  unitStaff,
} from "./tables.ts";

type Row<T extends { $inferInsert: unknown }> = Omit<T["$inferInsert"], "id">;

/**
 * 双报到 as demo data (or a migration from another system) brings it: pairings, report-ins and
 * rota refer to their pairing by the caller's key, 六个一 to the record that ticked it by its
 * business key; ids are made here.
 */
export interface BulkEngagement {
  pairings: Array<Row<typeof unitPairings> & { key: string }>;
  unitStaff: Array<typeof unitStaff.$inferInsert>;
  reportIns: Array<Omit<Row<typeof reportIns>, "pairingId"> & { pairingKey: string }>;
  records: Array<Row<typeof serviceRecords> & { sourceKey: string }>;
  sixOnes: Array<Omit<typeof sixOnes.$inferInsert, "recordId"> & { recordKey?: string }>;
  feedbackCards: Array<Row<typeof feedbackCards>>;
  visits: Array<Row<typeof householdVisits>>;
  suggestions: Array<Row<typeof suggestions>>;
  rota: Array<Omit<typeof saturdayRota.$inferInsert, "pairingId"> & { pairingKey: string }>;
}

/** Writes it all in one statement per table and chunk, never a round trip per row. */
export async function bulkInsertEngagement(executor: Executor, data: BulkEngagement): Promise<void> {
  const pairingIds = new Map<string, string>();
  const pairingOf = (key: string) => {
    const id = pairingIds.get(key);
    if (!id) throw new Error(`pairing ${key} missing`);
    return id;
  };
  const pairings = data.pairings.map(({ key, ...p }) => {
    const id = randomUUID();
    pairingIds.set(key, id);
    return { id, ...p };
  });
  const recordIds = new Map<string, string>();
  const records = data.records.map((r) => {
    const id = randomUUID();
    recordIds.set(r.sourceKey, id);
    return { id, ...r };
  });
  const withId = <T extends object>(rows: T[]) => rows.map((r) => ({ id: randomUUID(), ...r }));
  await bulkInsert(executor, unitPairings, pairings);
  await bulkInsert(executor, unitStaff, data.unitStaff);
  await bulkInsert(
    executor,
    reportIns,
    data.reportIns.map(({ pairingKey, ...r }) => ({
      id: randomUUID(),
      ...r,
      pairingId: pairingOf(pairingKey),
    })),
  );
  await bulkInsert(executor, serviceRecords, records);
  await bulkInsert(
    executor,
    sixOnes,
    data.sixOnes.map(({ recordKey, ...s }) => ({
      ...s,
      recordId: recordKey ? recordIds.get(recordKey) : null,
    })),
  );
  await bulkInsert(executor, feedbackCards, withId(data.feedbackCards));
  await bulkInsert(executor, householdVisits, withId(data.visits));
  await bulkInsert(executor, suggestions, withId(data.suggestions));
  await bulkInsert(
    executor,
    saturdayRota,
    data.rota.map(({ pairingKey, ...r }) => ({ ...r, pairingId: pairingOf(pairingKey) })),
  );
}

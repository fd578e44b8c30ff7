import { randomUUID } from "node:crypto";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { mobilisationMembers, mobilisations } from "./mobilisation/tables.ts";
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
import { searchTextOf } from "./talent/search-text.ts";
import { jobMatches, jobSeekers, talents } from "./talent/tables.ts";
import { memberPromises, pioneers } from "./walls/tables.ts";

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

/**
 * The walls, call-ups and talent pool (P4–P6) as demo data brings them: members of a call-up and
 * matches of a seeker refer to it by the caller's key; talents' search words are made here, as
 * the talent service makes them.
 */
export interface BulkWallsCallUpsTalents {
  promises: Array<Row<typeof memberPromises>>;
  pioneers: Array<Row<typeof pioneers>>;
  mobilisations: Array<Row<typeof mobilisations> & { key: string }>;
  mobilisationMembers: Array<
    Omit<typeof mobilisationMembers.$inferInsert, "mobilisationId"> & { key: string }
  >;
  talents: Array<Omit<Row<typeof talents>, "searchText">>;
  seekers: Array<Row<typeof jobSeekers> & { key: string }>;
  matches: Array<Omit<Row<typeof jobMatches>, "seekerId"> & { key: string }>;
}

export async function bulkInsertWallsCallUpsTalents(
  executor: Executor,
  data: BulkWallsCallUpsTalents,
): Promise<void> {
  const keyed = <T extends { key: string }>(rows: T[]) => {
    const ids = new Map<string, string>();
    const withIds = rows.map(({ key, ...r }) => {
      const id = randomUUID();
      ids.set(key, id);
      return { id, ...r };
    });
    const idOf = (key: string) => {
      const id = ids.get(key);
      if (!id) throw new Error(`${key} missing`);
      return id;
    };
    return { withIds, idOf };
  };
  const withId = <T extends object>(rows: T[]) => rows.map((r) => ({ id: randomUUID(), ...r }));
  await bulkInsert(executor, memberPromises, withId(data.promises));
  await bulkInsert(executor, pioneers, withId(data.pioneers));
  const calls = keyed(data.mobilisations);
  await bulkInsert(executor, mobilisations, calls.withIds);
  await bulkInsert(
    executor,
    mobilisationMembers,
    data.mobilisationMembers.map(({ key, ...m }) => ({ ...m, mobilisationId: calls.idOf(key) })),
  );
  await bulkInsert(
    executor,
    talents,
    withId(data.talents.map((t) => ({ ...t, searchText: searchTextOf(t.skills) }))),
  );
  const seekers = keyed(data.seekers);
  await bulkInsert(executor, jobSeekers, seekers.withIds);
  await bulkInsert(
    executor,
    jobMatches,
    withId(data.matches.map(({ key, ...m }) => ({ ...m, seekerId: seekers.idOf(key) }))),
  );
}

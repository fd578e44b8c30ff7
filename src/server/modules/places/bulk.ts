import { randomUUID } from "node:crypto";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { merchants, venues } from "./tables.ts";

type Place = {
  name: string;
  nodeId: string;
  territoryPath: string;
  address: string;
  lat: number;
  lng: number;
};

export async function bulkInsertVenues(
  executor: Executor,
  rows: Array<Place & { kind: string; hours: string; facilities: string[] }>,
) {
  const values = rows.map((r) => ({ id: randomUUID(), ...r, sortKey: pinyinSortKey(r.name) }));
  await bulkInsert(executor, venues, values);
}

export async function bulkInsertMerchants(
  executor: Executor,
  rows: Array<Place & { category: string; uscc: string; phone: string }>,
) {
  const values = rows.map((r) => ({ id: randomUUID(), ...r, sortKey: pinyinSortKey(r.name) }));
  await bulkInsert(executor, merchants, values);
}

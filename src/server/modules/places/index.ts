import type { Module } from "../../platform/module/index.ts";

export { bulkInsertMerchants, bulkInsertVenues } from "./bulk.ts";
export { merchantUsccs } from "./merchant-codes.ts";
export { type MerchantSearch, searchMerchants } from "./merchant-search.ts";
export {
  type MerchantRecord,
  merchantByPhone,
  merchantIdsNamed,
  merchantPhones,
  merchantsByIds,
} from "./merchants.ts";

/** Venues and merchants: tables and demo rows so far; their routes come with the places issue. */
export const placesModule: Module = { name: "places" };

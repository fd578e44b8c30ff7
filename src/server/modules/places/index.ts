import type { Module } from "../../platform/module/index.ts";

export { bulkInsertMerchants, bulkInsertVenues } from "./bulk.ts";
export { type MerchantRecord, merchantByPhone, merchantsByIds } from "./merchants.ts";

/** Venues and merchants: tables and demo rows so far; their routes come with the places issue. */
export const placesModule: Module = { name: "places" };

export { bulkInsertMerchants, bulkInsertVenues } from "./bulk.ts";

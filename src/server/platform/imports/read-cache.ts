import { LRUCache } from "lru-cache";
import type { ReadSheet } from "./run.ts";

/**
 * The records of files that passed their check, kept in this process until they are confirmed:
 * the write then checks them again against the database without reading and parsing the file a
 * second time. Bounded by rows and time; a confirmation served by another process (or after a
 * restart, or later than this) reads the file again, which gives the same records.
 */
export const checkedSheets = new LRUCache<string, ReadSheet>({
  maxSize: 200_000,
  sizeCalculation: (read) => Math.max(1, read.records.length),
  ttl: 30 * 60_000,
});

export { anyText, anyUuid } from "./any.ts";
export { bulkInsert, bulkUpdate, type InsertPart, insertPart, insertTogether } from "./bulk.ts";
export {
  type Database,
  type DatabaseOptions,
  type Db,
  type Executor,
  openDatabase,
  type Tx,
  writeParallelism,
} from "./connect.ts";
export { likePattern } from "./like.ts";
export { DataDirLockedError, lockDataDir } from "./lock.ts";
export { MIGRATIONS_DIR, runMigrations } from "./migrate.ts";
export { pathIndex } from "./path-index.ts";
export { qualified } from "./qualified.ts";
export { rowsOf } from "./rows.ts";

export { bulkInsert } from "./bulk.ts";
export {
  type Database,
  type DatabaseOptions,
  type Db,
  type Executor,
  openDatabase,
  type Tx,
} from "./connect.ts";
export { likePattern } from "./like.ts";
export { DataDirLockedError, lockDataDir } from "./lock.ts";
export { MIGRATIONS_DIR, runMigrations } from "./migrate.ts";
export { qualified } from "./qualified.ts";

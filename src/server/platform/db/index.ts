export {
  type Database,
  type DatabaseOptions,
  type Db,
  type Executor,
  openDatabase,
  type Tx,
} from "./connect.ts";
export { DataDirLockedError, lockDataDir } from "./lock.ts";
export { MIGRATIONS_DIR, runMigrations } from "./migrate.ts";

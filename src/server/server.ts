import { buildApp } from "./app.ts";
import { bootstrap } from "./bootstrap.ts";
import type { Config } from "./config.ts";
import { defineAccountJobs } from "./modules/accounts/index.ts";
import { defineCaseJobs } from "./modules/cases/index.ts";
import { defineDashboardJobs } from "./modules/dashboard/index.ts";
import { defineOrderJobs } from "./modules/orders/index.ts";
import { defineVolunteeringJobs } from "./modules/volunteering/index.ts";
import { type Database, lockDataDir, openDatabase, runMigrations } from "./platform/db/index.ts";
import type { App } from "./platform/http/types.ts";
import { defineImportJobs } from "./platform/imports/index.ts";
import { defineNotifyJobs, WebhookSmsSender } from "./platform/notify/index.ts";
import { PiiVault } from "./platform/pii/index.ts";
import { Queue, type QueueOptions } from "./platform/queue/index.ts";

export interface Server {
  app: App;
  database: Database;
  queue: Queue;
  pii: PiiVault;
  /** Lines for the console at start (demo accounts on first run). */
  greeting: string[];
  /** Stops taking requests, lets in-flight ones and running jobs finish, then closes the database. */
  close(): Promise<void>;
}

export interface ServerOptions {
  queue?: QueueOptions;
  /** Job definitions to add before the queue starts (modules' jobs.ts; tests). */
  defineJobs?: (queue: Queue, database: Database) => void;
  logger?: boolean;
  /** Where demo-loading progress goes (the console at start). */
  progress?: (message: string) => void;
}

/** start-up: config → lock → database → migrations → first data → queue → HTTP app (not yet listening). */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let database: Database | undefined;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    await runMigrations(database);
    const pii = await PiiVault.load({
      piiKey: config.piiKey,
      keyFile: config.piiKeyFile,
      dataDir: config.dataDir,
    });
    const greeting = await bootstrap(database.db, config, pii, options.progress);
    const queue = new Queue(database, options.queue);
    defineAccountJobs(queue, database.db);
    defineCaseJobs(queue, database.db);
    defineOrderJobs(queue, database.db);
    defineDashboardJobs(queue, database.db, config.dataDir);
    defineVolunteeringJobs(queue, database.db);
    const sms = config.smsWebhookUrl ? new WebhookSmsSender(config.smsWebhookUrl) : undefined;
    defineNotifyJobs(queue, database.db, sms);
    defineImportJobs(queue, { db: database.db, vault: pii, dataDir: config.dataDir });
    options.defineJobs?.(queue, database);
    await queue.start();
    const app = await buildApp({ database, config, pii, logger: options.logger ?? false, queue });
    const db = database;
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        await app.close();
        await queue.stop();
        await db.close();
        unlock();
      })();
      return closing;
    };
    return { app, database, queue, pii, greeting, close };
  } catch (err) {
    await database?.close().catch(() => {});
    unlock();
    throw err;
  }
}

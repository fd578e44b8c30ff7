import { buildApp } from "./app.ts";
import { bootstrap } from "./bootstrap.ts";
import type { Config } from "./config.ts";
import { MODULES } from "./modules/index.ts";
import { type Database, lockDataDir, openDatabase, runMigrations } from "./platform/db/index.ts";
import { defineEventDelivery } from "./platform/events/index.ts";
import type { App } from "./platform/http/types.ts";
import { defineImportJobs } from "./platform/imports/index.ts";
import { importersOf, type Module, moduleContext } from "./platform/module/index.ts";
import { defineNotifyJobs, smsSenderFor } from "./platform/notify/index.ts";
import { PiiVault } from "./platform/pii/index.ts";
import { Queue, type QueueOptions } from "./platform/queue/index.ts";
import { closeWorkers } from "./platform/workers/index.ts";

export interface Server {
  app: App;
  database: Database;
  queue: Queue;
  pii: PiiVault;
  /** Lines for the console at start (demo accounts on first run). */
  greeting: string[];
  /** How long each start-up step took, in order (printed at start; the startup bench reads them). */
  startup: StartupStep[];
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
  /** The domain modules (modules/index.ts; tests may add one). */
  modules?: readonly Module[];
}

/** start-up: config → lock → database → migrations → first data → queue → HTTP app (not yet listening). */
export async function createServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const modules = options.modules ?? MODULES;
  const clock = stepClock();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  clock.done("lock");
  let database: Database | undefined;
  try {
    database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    clock.done("database");
    await runMigrations(database);
    clock.done("migrations");
    const pii = await PiiVault.load({
      piiKey: config.piiKey,
      keyFile: config.piiKeyFile,
      dataDir: config.dataDir,
    });
    clock.done("personal-data key");
    const greeting = await bootstrap(database.db, config, pii, { modules, progress: options.progress });
    clock.done("first data");
    const queue = new Queue(database, options.queue);
    const sms = smsSenderFor(config.smsWebhookUrl);
    const context = moduleContext(modules, { db: database.db, config, pii, queue, sms });
    for (const m of modules) m.jobs?.(queue, context);
    defineEventDelivery(
      queue,
      database.db,
      modules.flatMap((m) => m.consumers ?? []),
    );
    // Notices wait for a real gateway: the log is for sign-in codes only.
    defineNotifyJobs(queue, database.db, config.smsWebhookUrl ? sms : undefined);
    defineImportJobs(queue, {
      db: database.db,
      vault: pii,
      dataDir: config.dataDir,
      importers: importersOf(modules),
    });
    options.defineJobs?.(queue, database);
    await queue.start();
    clock.done("job queue");
    const app = await buildApp({
      database,
      config,
      pii,
      logger: options.logger ?? false,
      queue,
      modules,
      sms,
    });
    clock.done("HTTP app");
    const db = database;
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        await app.close();
        await queue.stop();
        await closeWorkers();
        await db.close();
        unlock();
      })();
      return closing;
    };
    return { app, database, queue, pii, greeting, startup: clock.steps, close };
  } catch (err) {
    await database?.close().catch(() => {});
    unlock();
    throw err;
  }
}

export interface StartupStep {
  step: string;
  ms: number;
}

/** Times consecutive steps: `done(step)` closes the step that ran since the previous call. */
function stepClock() {
  const steps: StartupStep[] = [];
  let since = performance.now();
  return {
    steps,
    done(step: string) {
      const now = performance.now();
      steps.push({ step, ms: Math.round(now - since) });
      since = now;
    },
  };
}

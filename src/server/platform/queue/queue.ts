import PgBoss from "pg-boss";
import type { Database } from "../db/index.ts";

const TIME_ZONE = "Asia/Shanghai";

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

export interface SendOptions {
  /** Run no earlier than this many seconds from now, or at this time. */
  startAfter?: number | Date;
  /**
   * At most one waiting job per key (e.g. one reminder per case): a send while one waits adds
   * none and answers null. Checked before the insert, so two processes sending the same key at
   * the same instant may both add one.
   */
  singletonKey?: string;
  retryLimit?: number;
  /** Taken before waiting jobs of lower priority (default 0): work someone asked for now. */
  priority?: number;
}

export interface QueueOptions {
  /** How often idle workers look for due jobs; tests shorten it. */
  pollingIntervalSeconds?: number;
  /**
   * The workers take jobs one polling interval after this settles (main: the HTTP server
   * listening), so that the start jobs and those left waiting by the previous process (a month's
   * reports, say) run after start-up rather than slowing it down. Default: as soon as the queue
   * has started.
   */
  workersFrom?: Promise<unknown>;
}

/**
 * Durable, time-driven work in the same database (pg-boss): a job due while the server was
 * down runs once after restart. Modules `define` their jobs before `start`, then `send` them.
 */
export class Queue {
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly schedules = new Map<string, string>();
  /** Jobs to run once after start, with their delay in seconds. */
  private readonly atStart = new Map<string, number>();
  /** This process's worker of each queue, to wake when it sends that queue a job itself. */
  private readonly workers = new Map<string, string>();
  private started = false;
  private workersDue?: NodeJS.Timeout;
  private workersStarting?: Promise<void>;

  constructor(
    private readonly database: Database,
    private readonly options: QueueOptions = {},
  ) {
    this.boss =
      database.kind === "postgres"
        ? new PgBoss({ connectionString: database.url, max: 4 })
        : new PgBoss({ db: { executeSql: (text, values) => database.executeSql(text, values) } });
    this.boss.on("error", (err) => console.error("[queue]", err.message));
  }

  define<T extends object>(name: string, handler: JobHandler<T>): void {
    if (this.started) throw new Error(`Job ${name} must be defined before the queue starts`);
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  /**
   * Runs a defined job on a cron schedule (one run per tick across all processes), in China time.
   * `atStart` also runs it once right after start, so work that fell due while the server was
   * down is done at once rather than at the next tick; `atStartDelaySeconds` lets start-up (and the
   * first pages) go first for work that can wait a few minutes.
   */
  every(name: string, cron: string, options: { atStart?: boolean; atStartDelaySeconds?: number } = {}): void {
    if (!this.handlers.has(name)) throw new Error(`Define job ${name} before scheduling it`);
    this.schedules.set(name, cron);
    if (options.atStart) this.atStart.set(name, options.atStartDelaySeconds ?? 0);
  }

  /** Makes the queues, schedules and start jobs, then starts the workers (see `workersFrom`). */
  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    // What exists already, in one query each, rather than one query per queue and schedule at every start.
    for (const q of await this.boss.getQueues()) this.known.add(q.name);
    for (const name of this.handlers.keys()) await this.ensureQueue(name);
    const scheduled = new Map(
      (await this.boss.getSchedules()).map((s) => [s.name, `${s.cron} ${s.options?.tz}`]),
    );
    for (const [name, cron] of this.schedules)
      if (scheduled.get(name) !== `${cron} ${TIME_ZONE}`)
        await this.boss.schedule(name, cron, {}, { tz: TIME_ZONE });
    for (const [name, delay] of this.atStart) {
      // A delayed start job still waiting from a process stopped within its delay is not added again.
      if (delay > 0 && (await this.boss.getQueueSize(name)) > 0) continue;
      await this.boss.send(name, {}, delay > 0 ? { startAfter: delay } : {});
    }
    const pollingIntervalSeconds = this.options.pollingIntervalSeconds ?? 2;
    const begin = () => {
      if (!this.started) return;
      this.workersStarting = this.startWorkers(pollingIntervalSeconds).catch((err: Error) =>
        console.error("[queue]", err.message),
      );
    };
    const later = () => {
      this.workersDue = setTimeout(begin, pollingIntervalSeconds * 1000);
    };
    if (this.options.workersFrom) void this.options.workersFrom.then(later, later);
    else begin();
  }

  private async startWorkers(pollingIntervalSeconds: number): Promise<void> {
    for (const [name, handler] of this.handlers) {
      if (!this.started) return;
      const worker = await this.boss.work<object>(
        name,
        { pollingIntervalSeconds, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data, { id: job.id, name: job.name });
        },
      );
      this.workers.set(name, worker);
    }
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.started) throw new Error("The queue is not started");
    await this.ensureQueue(name);
    if (options.singletonKey && (await this.waiting(name, options.singletonKey))) return null;
    const { startAfter, ...rest } = options;
    return this.boss.send(name, data, { ...rest, ...(startAfter !== undefined ? { startAfter } : {}) });
  }

  /**
   * `send`, and this process's worker of that queue looks for it at once rather than at its next
   * poll: for work a person is waiting on (an import he just uploaded). Another process's worker
   * may still take it first; it is durable all the same.
   */
  async sendNow<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    const id = await this.send(name, data, options);
    const worker = this.workers.get(name);
    if (worker) this.boss.notifyWorker(worker);
    return id;
  }

  /** Waits for running jobs to finish (up to `timeoutMs`), then stops polling. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearTimeout(this.workersDue);
    await this.workersStarting;
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true });
  }

  /** Whether a job of that queue with that key waits (pg-boss keeps keys unique only per queue policy). */
  private async waiting(name: string, singletonKey: string): Promise<boolean> {
    const { rows } = await this.database.executeSql(
      "select 1 from pgboss.job where name = $1 and singleton_key = $2 and state < 'active' limit 1",
      [name, singletonKey],
    );
    return rows.length > 0;
  }

  private readonly known = new Set<string>();
  private async ensureQueue(name: string): Promise<void> {
    if (this.known.has(name)) return;
    // Processes starting together on a new database create the same queues at once, and pg-boss's
    // create_queue (a row and a partition) can deadlock there: PostgreSQL aborts one, which tries again.
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== "40P01" || attempt >= 5) throw err;
      }
    }
    this.known.add(name);
  }
}

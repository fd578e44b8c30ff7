import PgBoss from "pg-boss";
import type { Database } from "../db/index.ts";

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

export interface SendOptions {
  /** Run no earlier than this many seconds from now, or at this time. */
  startAfter?: number | Date;
  /** At most one waiting job per key (e.g. one reminder per case). */
  singletonKey?: string;
  retryLimit?: number;
  /** Taken before waiting jobs of lower priority (default 0): work someone asked for now. */
  priority?: number;
}

export interface QueueOptions {
  /** How often idle workers look for due jobs; tests shorten it. */
  pollingIntervalSeconds?: number;
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

  constructor(
    database: Database,
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

  async start(): Promise<void> {
    await this.boss.start();
    this.started = true;
    const pollingIntervalSeconds = this.options.pollingIntervalSeconds ?? 2;
    for (const [name, handler] of this.handlers) {
      await this.ensureQueue(name);
      const worker = await this.boss.work<object>(
        name,
        { pollingIntervalSeconds, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data, { id: job.id, name: job.name });
        },
      );
      this.workers.set(name, worker);
    }
    for (const [name, cron] of this.schedules)
      await this.boss.schedule(name, cron, {}, { tz: "Asia/Shanghai" });
    for (const [name, delay] of this.atStart)
      await this.boss.send(name, {}, delay > 0 ? { startAfter: delay } : {});
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.started) throw new Error("The queue is not started");
    await this.ensureQueue(name);
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
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true });
  }

  private readonly known = new Set<string>();
  private async ensureQueue(name: string): Promise<void> {
    if (this.known.has(name)) return;
    if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name);
    this.known.add(name);
  }
}

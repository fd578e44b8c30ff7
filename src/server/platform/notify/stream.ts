import { PassThrough } from "node:stream";
import type { Database } from "../db/index.ts";
import { listNotices, NOTICES_CHANNEL } from "./notify.ts";

/** A comment line now and then keeps proxies and browsers from dropping a quiet stream. */
export const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 5_000;

interface Stream {
  userId: string;
  out: PassThrough;
  beat: NodeJS.Timeout;
}

/**
 * This process's open notice streams (server-sent events). The process LISTENs once on the
 * database's notices channel, whichever process stored the notice, and tells each of the user's
 * streams his unread count and newest notice.
 */
export class NoticeStreams {
  private readonly streams = new Set<Stream>();
  private listening: Promise<() => Promise<void>> | undefined;
  private closed = false;

  constructor(private readonly database: Database) {}

  /** A new stream for the user; it starts with his current count and ends when he goes or the server closes. */
  async open(userId: string, onGone: (stop: () => void) => void): Promise<PassThrough> {
    if (this.closed) throw new Error("closing");
    await this.listen();
    const out = new PassThrough();
    const beat = setInterval(() => out.write(": ping\n\n"), HEARTBEAT_MS);
    beat.unref();
    const stream: Stream = { userId, out, beat };
    this.streams.add(stream);
    const stop = () => this.end(stream);
    out.on("close", stop);
    onGone(stop);
    out.write(`retry: ${RETRY_MS}\n\n`);
    await this.send(userId, [stream]);
    return out;
  }

  /** How many streams are open (tests, health). */
  get size(): number {
    return this.streams.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.streams) this.end(s);
    const unlisten = await this.listening?.catch(() => undefined);
    this.listening = undefined;
    await unlisten?.().catch(() => {});
  }

  private listen() {
    this.listening ??= this.database.listen(NOTICES_CHANNEL, (userId) => {
      const mine = [...this.streams].filter((s) => s.userId === userId);
      if (mine.length > 0) void this.send(userId, mine);
    });
    this.listening.catch(() => {
      this.listening = undefined;
    });
    return this.listening;
  }

  private async send(userId: string, to: Stream[]): Promise<void> {
    try {
      const { items, unread } = await listNotices(this.database.db, userId, { page: 1, pageSize: 1 });
      const data = JSON.stringify({ unread, latest: items[0] ?? null });
      for (const s of to) if (this.streams.has(s)) s.out.write(`event: notices\ndata: ${data}\n\n`);
    } catch {
      // The database is gone (closing): the streams end with the server.
    }
  }

  private end(s: Stream) {
    if (!this.streams.delete(s)) return;
    clearInterval(s.beat);
    s.out.end();
  }
}

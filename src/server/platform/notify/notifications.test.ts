import { mkdtempSync, rmSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildApp } from "../../app.ts";
import { loadConfig } from "../../config.ts";
import { type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { type Database, openDatabase } from "../db/index.ts";
import type { App } from "../http/types.ts";
import { PiiVault } from "../pii/index.ts";
import { sendPendingSms } from "./jobs.ts";
import { notify } from "./notify.ts";
import { FakeSmsSender } from "./sms.ts";

let t: TestApp;
let sessions: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions } = await startWithSessions());
}, 120_000);
afterAll(async () => {
  await t.close();
});

const url = "/api/v1/notifications";
const userOf = (role: string) => (sessions[role] as Session).user.id;
const store = (role: string, title: string, link = "/admin/cases/XG-TEST") =>
  notify(t.database.db, [{ userId: userOf(role), kind: "test", title, body: `${title}的内容`, link }]);

interface Event {
  event: string;
  data: { unread: number; latest: { title: string; link: string | null } | null };
}

/** A browser's EventSource, reduced: the `notices` events of the stream, in order. */
async function openStream(base: string, headers: Record<string, string>) {
  const events: Event[] = [];
  const waiting: Array<() => void> = [];
  const res = await new Promise<IncomingMessage>((resolve, reject) =>
    get(`${base}${url}/stream`, { headers }, resolve).on("error", reject),
  );
  let buffer = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => {
    buffer += chunk;
    for (let i = buffer.indexOf("\n\n"); i >= 0; i = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
      for (const w of waiting.splice(0)) w();
    }
  });
  const ended = new Promise<void>((resolve) => res.on("close", resolve));
  /** The first event (after those already taken) that `test` accepts. */
  let taken = 0;
  async function next(test: (e: Event) => boolean = () => true, ms = 10_000): Promise<Event> {
    const deadline = Date.now() + ms;
    for (;;) {
      while (taken < events.length) {
        const e = events[taken++] as Event;
        if (test(e)) return e;
      }
      if (Date.now() > deadline) throw new Error(`no such event within ${ms} ms: ${JSON.stringify(events)}`);
      await new Promise<void>((r) => {
        waiting.push(r);
        setTimeout(r, 200);
      });
    }
  }
  return { res, next, ended, close: () => res.destroy() };
}

async function listening(app: App): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe("GET /notifications", () => {
  it("lists my notices as the contract says, with their links, and marks one read (204)", async () => {
    await store("streetStaff", "一条测试提醒", "/admin/cases/XG-20260101-0001");
    const list = await t.as("streetStaff").get(url);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ total: expect.any(Number), unread: expect.any(Number) });
    expect(body.unread).toBeGreaterThanOrEqual(1);
    const [first] = body.items;
    expect(first).toMatchObject({
      id: expect.any(String),
      title: "一条测试提醒",
      body: "一条测试提醒的内容",
      link: "/admin/cases/XG-20260101-0001",
      createdAt: expect.any(String),
      readAt: null,
    });

    const read = await t.as("streetStaff").post(`${url}/${first.id}/read`, {});
    expect(read.statusCode).toBe(204);
    expect(read.body).toBe("");
    const after = (await t.as("streetStaff").get(url)).json();
    expect(after.unread).toBe(body.unread - 1);
    expect(after.items[0].readAt).not.toBeNull();
    // Another's notice is not there for me.
    expect((await t.as("resident").post(`${url}/${first.id}/read`, {})).statusCode).toBe(404);
    expect((await t.as("resident").get(url)).json().items.map((n: { id: string }) => n.id)).not.toContain(
      first.id,
    );
  });
});

describe("GET /notifications/stream", () => {
  it("tells the signed-in user at once his unread count, then each new notice, and a read", async () => {
    const base = await listening(t.app);
    const stream = await openStream(base, (sessions.departmentStaff as Session).headers);
    try {
      expect(stream.res.statusCode).toBe(200);
      expect(stream.res.headers["content-type"]).toMatch(/^text\/event-stream/);
      const { data: start } = await stream.next();
      // Someone else's notice says nothing to him.
      await store("streetStaff", "给别人的");
      await store("departmentStaff", "新的派单", "/admin/cases/XG-LIVE");
      const { data } = await stream.next();
      expect(data).toMatchObject({
        unread: start.unread + 1,
        latest: { title: "新的派单", link: "/admin/cases/XG-LIVE" },
      });
      // Reading it on another page brings the badge down here too.
      const id = (await t.as("departmentStaff").get(url)).json().items[0].id;
      await t.as("departmentStaff").post(`${url}/${id}/read`, {});
      expect((await stream.next()).data.unread).toBe(start.unread);
    } finally {
      stream.close();
    }
    // Nobody signed in: no stream.
    expect((await t.as(undefined).get(`${url}/stream`)).statusCode).toBe(401);
  });

  it("reaches a stream open on another instance of the server, on the same database", async () => {
    // On PostgreSQL a second process has its own connections; PGlite has one database per process.
    const second: Database = t.database.url ? await openDatabase({ url: t.database.url }) : t.database;
    const dataDir = mkdtempSync(join(tmpdir(), "gridgov-notify-"));
    const other = await buildApp({
      database: second,
      config: loadConfig({ DEMO: "1", DATA_DIR: dataDir }),
      pii: await PiiVault.load({ piiKey: inject("piiKey") }),
    });
    try {
      const base = await listening(other);
      const stream = await openStream(base, (sessions.gridWorker as Session).headers);
      const { data: start } = await stream.next();
      // Stored through the first instance (a case reaching his inbox there).
      await store("gridWorker", "新诉求待收单", "/admin/cases/XG-OTHER");
      const { data } = await stream.next((e) => e.data.latest?.title === "新诉求待收单");
      expect(data.unread).toBe(start.unread + 1);
      // Closing the server ends its open streams instead of waiting for them.
      await other.close();
      await stream.ended;
    } finally {
      await other.close();
      if (second !== t.database) await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("SMS on request", () => {
  it("texts a user who asked for it, and stops when he no longer wants it", async () => {
    const sms = new FakeSmsSender();
    await sendPendingSms(t.database.db, sms); // whatever the demo left waiting
    sms.sent.length = 0;
    expect((await t.as("resident").get("/api/v1/me/preferences")).json()).toEqual({ smsNotices: false });
    await store("resident", "心愿已被认领", "/mobile/wishes/mine");
    expect(await sendPendingSms(t.database.db, sms)).toEqual({ sent: 0, failed: 0 });

    const on = await t.as("resident").patch("/api/v1/me/preferences", { smsNotices: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ smsNotices: true });
    await store("resident", "志愿活动报名成功", "/mobile/volunteering");
    await store("partyMember", "不要短信的人");
    expect(await sendPendingSms(t.database.db, sms)).toEqual({ sent: 1, failed: 0 });
    expect(sms.sent).toEqual([{ phone: "13800000007", text: "【志愿活动报名成功】志愿活动报名成功的内容" }]);

    await t.as("resident").patch("/api/v1/me/preferences", { smsNotices: false });
    await store("resident", "又一条");
    expect(await sendPendingSms(t.database.db, sms)).toEqual({ sent: 0, failed: 0 });
    const audit = (await t.as("districtAdmin").get("/api/v1/audit?action=notifications.preferences")).json();
    expect(audit.items.length).toBe(2);
  });
});

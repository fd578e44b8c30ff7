import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl } from "../../testing/database.ts";
import { type Database, openDatabase, runMigrations } from "../db/index.ts";
import { sendPendingSms } from "./jobs.ts";
import { notify } from "./notify.ts";
import { FakeSmsSender, WebhookSmsSender } from "./sms.ts";
import { notifications } from "./tables.ts";

// An empty database is enough: notices need no other rows.
const target = await freshDatabaseUrl();
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ url: target.url });
  await runMigrations(database);
});
afterAll(async () => {
  await database.close();
  await target.drop();
});

describe("SMS for phone-only notices", () => {
  it("sends each phone-only notice once, never a user's, and records a failure", async () => {
    const { db } = database;
    await notify(db, [
      { phone: "13900000001", kind: "case.resolve", title: "诉求已办结", body: "XG-1 已办结" },
      { phone: "13900000002", kind: "case.resolve", title: "诉求已办结", body: "XG-2 已办结" },
      { userId: randomUUID(), kind: "case.remind", title: "诉求即将超时", body: "XG-3" },
    ]);
    const sms = new FakeSmsSender();
    sms.failFor.add("13900000002");
    expect(await sendPendingSms(db, sms)).toEqual({ sent: 1, failed: 1 });
    expect(sms.sent).toEqual([{ phone: "13900000001", text: "【诉求已办结】XG-1 已办结" }]);
    // A second run (or a second process) finds nothing left to send.
    expect(await sendPendingSms(db, sms)).toEqual({ sent: 0, failed: 0 });
    const [failed] = await db.select().from(notifications).where(eq(notifications.phone, "13900000002"));
    expect(failed?.data).toMatchObject({ smsError: "fake SMS failure" });
  });

  it("posts {phone, text} to the webhook, and fails on an error status or no answer in time", async () => {
    const received: unknown[] = [];
    let status = 200;
    const hook: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        received.push(JSON.parse(body));
        if (status === 0) return; // never answers
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/sms`;
    try {
      const sender = new WebhookSmsSender(url, 500);
      await sender.send("13900000003", "您好");
      expect(received).toEqual([{ phone: "13900000003", text: "您好" }]);
      status = 502;
      await expect(sender.send("13900000003", "x")).rejects.toThrow(/502/);
      status = 0;
      await expect(sender.send("13900000003", "x")).rejects.toThrow();
    } finally {
      hook.closeAllConnections();
      await new Promise((r) => hook.close(r));
    }
  });
});

import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../platform/audit/tables.ts";
import { ownGridCentre, type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { caseEvents, cases } from "../tables.ts";

// Intakes arriving at once are written together (intake-batch.ts): these fire them together.
let t: TestApp;
let s: Record<string, Session>;
let point: { lat: number; lng: number };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
});
afterAll(() => t.close());

const report = (body: Record<string, unknown>) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/cases",
    headers: s.gridWorker?.headers,
    payload: { channel: "patrol", categoryCode: "sanitation", description: "巡查发现垃圾堆放", ...body },
  });
const numberOf = (code: string) => Number(code.split("-").at(-1));

describe("intakes arriving together", () => {
  it("each get their own case, consecutive numbers, a first event and an audit row", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        report({ location: { lat: point.lat + i * 0.00002, lng: point.lng }, description: `巡查第${i}处` }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(40).fill(201));
    const written = answers.map((a) => a.json() as { id: string; code: string });
    const numbers = written.map((w) => numberOf(w.code)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(40);
    expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(39);

    const ids = written.map((w) => w.id);
    const { db } = t.database;
    const [events] = await db.select({ n: count() }).from(caseEvents).where(inArray(caseEvents.caseId, ids));
    const [audits] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "cases.submit"), inArray(auditLog.entityId, ids)));
    expect([events?.n, audits?.n]).toEqual([40, 40]);
    const one = (
      await t.app.inject({ url: `/api/v1/cases/${ids[7]}`, headers: s.gridWorker?.headers })
    ).json();
    expect(one.description).toBe("巡查第7处");
    expect(one.events.map((e: { action: string }) => e.action)).toEqual(["submit"]);
  });

  it("proposes the earlier of two reports of one thing sent at the same moment", async () => {
    const here = { lat: point.lat - 0.0003, lng: point.lng + 0.0003 };
    const [a, b] = await Promise.all([
      report({ location: here, categoryCode: "facilities", description: "路灯不亮" }),
      report({
        location: { ...here, lat: here.lat + 0.00005 },
        categoryCode: "facilities",
        description: "路灯坏了",
      }),
    ]);
    // Whichever was taken in first is proposed to the other, never each to each.
    const [one, two] = [a?.json(), b?.json()];
    const [first, second] = one.suggestedMasterId ? [two, one] : [one, two];
    expect(first.suggestedMasterId).toBeNull();
    expect(second.suggestedMasterId).toBe(first.id);
  });

  it("across batches written at once, every report of one dispute but the first names an earlier one", async () => {
    const here = { lat: point.lat + 0.0002, lng: point.lng - 0.0002 };
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        report({ location: here, categoryCode: "dispute", description: `楼上噪音扰民 ${i}` }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(100).fill(201));
    const written = answers.map((a) => a.json() as { id: string; suggestedMasterId: string | null });
    const ids = new Set(written.map((w) => w.id));
    // More than one batch holds them: the second waits for the first's locks and sees its cases.
    expect(written.filter((w) => w.suggestedMasterId === null)).toHaveLength(1);
    expect(written.every((w) => w.suggestedMasterId === null || ids.has(w.suggestedMasterId))).toBe(true);
  });

  it("lets a bad one fail alone: a call sent twice at once makes one case, the others go in", async () => {
    const [home] = (
      await t.app.inject({ url: "/api/v1/people/households?pageSize=1", headers: s.gridWorker?.headers })
    ).json().items;
    const device = await t.app.inject({
      method: "POST",
      url: "/api/v1/devices",
      headers: s.gridWorker?.headers,
      payload: { deviceId: "YJT-BATCH-01", householdId: home.id, label: "批量测试" },
    });
    const call = () =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/devices/YJT-BATCH-01/calls",
        headers: { "x-device-secret": device.json().secret },
        payload: { kind: "help", callId: "twice" },
      });
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => report({ location: point, description: `同批巡查${i}` })),
      call(),
      call(),
    ]);
    const calls = answers.slice(6);
    expect(answers.slice(0, 6).map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(calls.map((c) => c.statusCode).sort()).toEqual([200, 201]);
    expect(calls[0]?.json().id).toBe(calls[1]?.json().id);
    const [made] = await t.database.db
      .select({ n: count() })
      .from(cases)
      .where(and(eq(cases.channel, "device"), eq(cases.sourceRef, "YJT-BATCH-01:twice")));
    expect(made?.n).toBe(1);
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskName } from "../../../shared/masks.ts";
import { piiAccessLog } from "../../platform/pii/index.ts";
import {
  ownGridCentre,
  PHONES,
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
let point: { lat: number; lng: number };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
});
afterAll(() => t.close());

const act = (who: RoleName, id: string, body: Record<string, unknown>) =>
  t.as(who).post(`/api/v1/cases/${id}/transitions`, body);
const detail = async (who: RoleName, id: string) => (await t.as(who).get(`/api/v1/cases/${id}`)).json();
const reveal = (who: RoleName, id: string) => t.as(who).post(`/api/v1/cases/${id}/reveal-reporter`, {});
const logged = (id: string) =>
  t.database.db
    .select()
    .from(piiAccessLog)
    .where(and(eq(piiAccessLog.entity, "case"), eq(piiAccessLog.entityId, id)));

describe("reaching the person served (办理联系)", () => {
  it("lets the one who holds the case call the reporter, logs each view, and shows everyone else masks", async () => {
    const filed = await t.as("resident").post("/api/v1/cases", {
      categoryCode: "sanitation",
      description: "楼道灯坏了一周",
      location: point,
    });
    const { id } = filed.json();
    const phone = PHONES.resident;

    // The grid worker holds the new case: the phone masked until he taps, then whole and logged.
    const seen = await detail("gridWorker", id);
    expect(seen.reporterPhone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(seen.mayCall).toBe(true);
    // The timeline names the reporter as the header does, never in full.
    const submitted = seen.events.find((e: { action: string }) => e.action === "submit");
    expect(submitted.actorName).toBe(seen.reporterName);
    expect(seen.reporterName).toBe(maskName(s.resident?.user.name ?? ""));
    expect(await logged(id)).toHaveLength(0);

    const call = await reveal("gridWorker", id);
    expect(call.statusCode).toBe(200);
    expect(call.json()).toEqual({ name: s.resident?.user.name, phone });
    await reveal("gridWorker", id);
    const rows = await logged(id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actorId: s.gridWorker?.user.id,
      field: "reporterPhone",
      purpose: "办理联系",
    });

    // The community can see the case but does not hold it: masks, and no reveal.
    expect((await detail("communityStaff", id)).mayCall).toBe(false);
    expect((await reveal("communityStaff", id)).statusCode).toBe(403);
    // The reporter himself has nothing to reveal; a stranger is not told the case exists.
    expect((await detail("resident", id)).mayCall).toBe(false);
    expect((await reveal("departmentStaff", id)).statusCode).toBe(404);

    // Up to the community: now the community holds it, the grid worker no longer does.
    await act("gridWorker", id, { action: "escalate", note: "需要社区协调" });
    expect((await detail("gridWorker", id)).mayCall).toBe(false);
    expect((await reveal("gridWorker", id)).statusCode).toBe(403);
    expect((await detail("communityStaff", id)).mayCall).toBe(true);
    expect((await reveal("communityStaff", id)).statusCode).toBe(200);

    // Whistled: the department holds it with the community until it reports back.
    const departments = (await t.as("communityStaff").get("/api/v1/cases/departments")).json();
    const urban = departments.find((d: { code: string }) => d.code === "urban");
    const deadline = new Date(Date.now() + 48 * 3_600_000).toISOString();
    await act("communityStaff", id, {
      action: "whistle",
      note: "请报到",
      departmentIds: [urban.id],
      deadline,
    });
    expect((await detail("departmentStaff", id)).mayCall).toBe(true);
    expect((await reveal("departmentStaff", id)).statusCode).toBe(200);
    expect((await logged(id)).map((r) => r.purpose)).toEqual(Array(4).fill("办理联系"));

    // Every view is in the audit log too, with its purpose and never the number.
    const audit = (
      await t.as("districtAdmin").get(`/api/v1/audit?action=cases.reporter.reveal&entityId=${id}`)
    ).json();
    expect(audit.items).toHaveLength(4);
    // Named in words and by the case's code, not by an id.
    expect(audit.items[0]).toMatchObject({ entity: "case", entityName: filed.json().code });
    expect(JSON.stringify(audit.items)).not.toContain(phone);
  });
});

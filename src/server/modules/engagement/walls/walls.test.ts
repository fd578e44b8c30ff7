import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../../platform/db/index.ts";
import { uploadPhoto } from "../../../testing/factories.ts";
import { PHONES, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { type MemberRecord, memberByPhone } from "../../people/index.ts";
import { reportIns } from "../tables.ts";
import { memberPromises } from "./tables.ts";
import { thisYear } from "./year.ts";

let t: TestApp;
let me: MemberRecord;
let communityId: string;
const member = () => t.as("partyMember");
const staff = () => t.as("communityStaff");
const wall = async () => {
  const res = await t.as(undefined).get(`/api/v1/public/engagement/walls/${communityId}`);
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.body, wall: res.json() };
};

beforeAll(async () => {
  ({ t } = await startWithSessions());
  const found = await memberByPhone(t.database.db, PHONES.partyMember);
  if (!found) throw new Error("the demo's party member is missing");
  me = found;
  communityId = me.territoryPath.split("/")[3] as string;
  // Start from no promise of this year, whatever the demo holds.
  await t.database.db.delete(memberPromises).where(eq(memberPromises.memberId, me.id));
}, 180_000);
afterAll(() => t?.close());

describe("the promise wall (承诺墙)", () => {
  let id: string;
  let photo: string;

  it("lets a member write one promise a year with his photo, and no one else", async () => {
    photo = await uploadPhoto(member(), 41);
    const res = await member().post("/api/v1/engagement/promises", {
      text: "每月为楼里老人买一次菜",
      photoId: photo,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe("pending");
    id = res.json().id;
    const again = await member().post("/api/v1/engagement/promises", { text: "再写一份", photoId: photo });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("PROMISE_EXISTS");
    expect(again.json().error.message).toContain("一年只能写一份");
    expect(
      (await t.as("resident").post("/api/v1/engagement/promises", { text: "承诺", photoId: photo }))
        .statusCode,
    ).toBe(403);
    const mine = (await member().get("/api/v1/engagement/promises/mine")).json();
    expect(mine.items[0]).toMatchObject({ id, status: "pending", year: thisYear(), allowedActions: [] });
    expect(mine.community.id).toBe(communityId);
  });

  it("keeps a waiting promise off the public wall until the community publishes it", async () => {
    expect((await wall()).wall.promises.some((p: { id: string }) => p.id === id)).toBe(false);
    const list = (await staff().get("/api/v1/engagement/promises?status=pending")).json();
    const row = list.items.find((p: { id: string }) => p.id === id);
    expect(row).toMatchObject({
      member: { id: me.id, name: me.name },
      allowedActions: ["publish", "return"],
    });
    expect((await member().post(`/api/v1/engagement/promises/${id}/publish`)).statusCode).toBe(403);
    const res = await staff().post(`/api/v1/engagement/promises/${id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("published");
    expect((await staff().post(`/api/v1/engagement/promises/${id}/publish`)).statusCode).toBe(409);
  });

  it("shows it on the wall with a masked name and a public photo, never a phone or the full name", async () => {
    const { body, wall: w } = await wall();
    const shown = w.promises.find((p: { id: string }) => p.id === id);
    expect(shown).toMatchObject({ name: `${me.name[0]}${"*".repeat(me.name.length - 1)}`, kept: false });
    expect(body).not.toContain(me.name);
    expect(body).not.toMatch(/\b1[3-9]\d{9}\b/);
    const img = await t.as(undefined).get(shown.photo);
    expect(img.statusCode).toBe(200);
    expect(img.headers["content-type"]).toMatch(/^image\//);
    // Served for the wall it is on, not through another community's.
    const [other] = rowsOf<{ id: string }>(
      await t.database.db.execute(
        sql`select id from territory_nodes where level = 'community' and id <> ${communityId} limit 1`,
      ),
    );
    const elsewhere = `/api/v1/public/engagement/walls/${other?.id}/photos/${photo}`;
    expect((await t.as(undefined).get(elsewhere)).statusCode).toBe(404);
  });

  it("records the promise kept once, marked 已践诺 on the wall", async () => {
    const keptPhoto = await uploadPhoto(member(), 43);
    const res = await member().post(`/api/v1/engagement/promises/${id}/keep`, {
      note: "买了十次菜",
      photos: [keptPhoto],
    });
    expect(res.statusCode, res.body).toBe(200);
    const again = await member().post(`/api/v1/engagement/promises/${id}/keep`, { note: "又一次" });
    expect(again.statusCode).toBe(409);
    const shown = (await wall()).wall.promises.find((p: { id: string }) => p.id === id);
    expect(shown).toMatchObject({ kept: true, keptNote: "买了十次菜" });
    expect((await t.as(undefined).get(shown.keptPhotos[0])).statusCode).toBe(200);
  });

  it("takes a promise down only with a reason, and the member may write it again", async () => {
    const empty = await staff().post(`/api/v1/engagement/promises/${id}/return`, { reason: "  " });
    expect(empty.statusCode).toBe(400);
    const res = await staff().post(`/api/v1/engagement/promises/${id}/return`, { reason: "请写得具体一些" });
    expect(res.statusCode, res.body).toBe(200);
    expect((await wall()).wall.promises.some((p: { id: string }) => p.id === id)).toBe(false);
    // The photo is no longer on the wall, so no longer public.
    expect(
      (await t.as(undefined).get(`/api/v1/public/engagement/walls/${communityId}/photos/${photo}`))
        .statusCode,
    ).toBe(404);
    const mine = (await member().get("/api/v1/engagement/promises/mine")).json();
    expect(mine.items[0]).toMatchObject({ status: "returned", returnReason: "请写得具体一些" });
    const rewrite = await member().post("/api/v1/engagement/promises", {
      text: "每周三为楼里老人买菜",
      photoId: photo,
    });
    expect(rewrite.statusCode, rewrite.body).toBe(201);
    expect(rewrite.json()).toEqual({ id, status: "pending" });
    const [rows] = await t.database.db
      .select({ n: count() })
      .from(memberPromises)
      .where(eq(memberPromises.memberId, me.id));
    expect(rows?.n).toBe(1);
  });
});

describe("the pioneer and signature walls", () => {
  it("names a pioneer once a year, shows his services on the wall, and takes him down", async () => {
    const body = { memberId: me.id, citation: "带头包联十户居民，风雨无阻" };
    const res = await staff().post("/api/v1/engagement/pioneers", body);
    expect(res.statusCode, res.body).toBe(201);
    expect((await staff().post("/api/v1/engagement/pioneers", body)).json().error.code).toBe(
      "PIONEER_EXISTS",
    );
    const listed = (await staff().get("/api/v1/engagement/pioneers")).json();
    const mine = listed.items.find((p: { id: string }) => p.id === res.json().id);
    expect(mine).toMatchObject({ member: { name: me.name }, citation: body.citation });
    const { body: raw, wall: w } = await wall();
    const shown = w.pioneers.find((p: { id: string }) => p.id === res.json().id);
    expect(shown).toMatchObject({ citation: body.citation, services: mine.services, hours: mine.hours });
    expect(raw).not.toContain(me.name);
    expect((await t.as("resident").delete(`/api/v1/engagement/pioneers/${res.json().id}`)).statusCode).toBe(
      403,
    );
    expect((await staff().delete(`/api/v1/engagement/pioneers/${res.json().id}`)).statusCode).toBe(204);
    expect((await wall()).wall.pioneers.some((p: { id: string }) => p.id === res.json().id)).toBe(false);
  });

  it("signs every member reported in this year with his unit's name", async () => {
    const [approved] = await t.database.db
      .select({ n: count() })
      .from(reportIns)
      .where(
        and(
          eq(reportIns.communityId, communityId),
          eq(reportIns.year, thisYear()),
          eq(reportIns.status, "approved"),
        ),
      );
    const { wall: w } = await wall();
    expect(w.signatures.total).toBe(approved?.n);
    expect(
      w.signatures.items.every((s: { name: string; unit: string }) => s.name.includes("*") && s.unit),
    ).toBe(true);
  });

  it("answers 404 for a node that is not a community", async () => {
    const res = await t
      .as(undefined)
      .get(`/api/v1/public/engagement/walls/${me.territoryPath.split("/")[1]}`);
    expect(res.statusCode).toBe(404);
  });
});

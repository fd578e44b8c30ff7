import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, like } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/audit/tables.ts";
import { type RoleName, startWithSessions, type TestApp, type Who } from "../../testing/harness.ts";
import { nodeByCode } from "../territory/index.ts";
import { staff } from "./tables.ts";

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startWithSessions());
});
afterAll(() => t.close());

/** The demo grid worker's own grid, and its neighbour that is outside his scope. */
const MY_GRID = "XG-LJ-001";
const OTHER_GRID = "XG-LJ-002";

interface CardBody {
  code: string;
  name: string;
  community: { name: string } | null;
  street: { name: string } | null;
  geometry: { type: string } | null;
  center: { lat: number; lng: number } | null;
  formUrl: string;
  posterUrl: string;
  staff: Array<{
    id: string;
    role: string;
    name: string;
    phone: string;
    duties: string | null;
    place: string | null;
    households: number | null;
    photoUrl: string | null;
  }>;
}

const card = async (code: string) => {
  const res = await t.as(undefined).get(`/api/v1/public/grids/${code}/card`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CardBody;
};

async function staffOf(code: string) {
  const grid = await nodeByCode(t.database.db, code);
  return t.database.db
    .select()
    .from(staff)
    .where(like(staff.territoryPath, `${grid?.path}%`));
}

const photoForm = (bytes: Buffer, filename: string, type: string) => {
  const data = new FormData();
  data.append("file", new Blob([new Uint8Array(bytes)], { type }), filename);
  return data;
};
const putPhoto = (who: Who, staffId: string, payload: FormData) =>
  t.as(who).put(`/api/v1/people/staff/${staffId}/photo`, payload);
const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 } } });

describe("public contact card", () => {
  it("shows a grid's staff with whole phones and duties to anyone, grid leader first", async () => {
    const body = await card(MY_GRID);
    expect(body).toMatchObject({
      code: MY_GRID,
      name: "红旗社区第1网格",
      community: { name: "红旗社区" },
      street: { name: "潋江街道" },
      geometry: { type: expect.stringMatching(/Polygon/) },
      center: { lat: expect.any(Number), lng: expect.any(Number) },
      posterUrl: `/api/v1/public/grids/${MY_GRID}/poster.pdf`,
    });
    expect(body.formUrl).toMatch(new RegExp(`^http://localhost(:80)?/mobile/cases/new\\?grid=${MY_GRID}$`));
    const rows = await staffOf(MY_GRID);
    expect(body.staff.map((p) => p.id).sort()).toEqual(rows.map((r) => r.id).sort());
    const roles = body.staff.map((p) => p.role);
    expect(roles[0]).toBe("gridLeader");
    const order = ["gridLeader", "gridWorker", "buildingHead", "entranceHead", "liaison"];
    expect(roles.map((r) => order.indexOf(r))).toEqual(
      roles.map((r) => order.indexOf(r)).sort((a, b) => a - b),
    );
    // The demo grid worker, with his real number: 三亮 means the phone is shown whole.
    expect(body.staff).toContainEqual(
      expect.objectContaining({ role: "gridWorker", name: "刘志强", phone: "13800000004" }),
    );
    for (const p of body.staff) {
      expect(p.phone).toMatch(/^1\d{10}$/);
      expect(p.duties).toEqual(expect.any(String));
    }
    const head = body.staff.find((p) => p.role === "buildingHead");
    expect(head?.place).toMatch(/栋$/);
    expect(body.staff.find((p) => p.role === "liaison")?.households).toBeGreaterThanOrEqual(5);
  });

  it("never carries an ID number, a resident link or a home address", async () => {
    const text = JSON.stringify(await card(MY_GRID));
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/idNumber|idMasked|residentId|userId|address|室/);
  });

  it("answers an unknown grid, or a code that is not a grid's, with a 404 JSON error", async () => {
    const unknown = await t.as(undefined).get("/api/v1/public/grids/XG-NO-999/card");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("NOT_FOUND");
    const community = await t.as(undefined).get("/api/v1/public/grids/360799001001/card");
    expect(community.statusCode).toBe(404);
    const poster = await t.as(undefined).get("/api/v1/public/grids/XG-NO-999/poster.pdf");
    expect(poster.statusCode).toBe(404);
    expect(poster.json().error.code).toBe("NOT_FOUND");
  });
});

describe("staff photos", () => {
  let leader: string;
  let other: string;
  beforeAll(async () => {
    leader = (await staffOf(MY_GRID)).find((r) => r.role === "gridLeader")?.id ?? "";
    other = (await staffOf(OTHER_GRID)).find((r) => r.role === "gridLeader")?.id ?? "";
  });

  it("takes a PNG, shrinks it to 480 at most, and shows it on the public card", async () => {
    const png = await picture(1200, 900).png().toBuffer();
    const res = await putPhoto("gridWorker", leader, photoForm(png, "me.png", "image/png"));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: leader, width: 480, height: 360 });
    const stored = readFileSync(join(t.dataDir, "files", body.photoId.slice(0, 2), body.photoId));
    expect(await sharp(stored).metadata()).toMatchObject({ format: "png", width: 480, height: 360 });
    const [row] = await t.database.db.select().from(staff).where(eq(staff.id, leader));
    expect(row?.photoId).toBe(body.photoId);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "people.staff.photo"), eq(auditLog.entityId, leader)));
    expect(entry?.after).toEqual({ photoId: body.photoId });

    const shown = (await card(MY_GRID)).staff.find((p) => p.id === leader);
    expect(shown?.photoUrl).toBe(`/api/v1/public/grids/${MY_GRID}/photos/${body.photoId}`);
    const photo = await t.as(undefined).get(shown?.photoUrl ?? "");
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/png");
    expect(photo.rawPayload.equals(stored)).toBe(true);
    // The same photo is not served under another grid's card.
    const elsewhere = await t.as(undefined).get(`/api/v1/public/grids/${OTHER_GRID}/photos/${body.photoId}`);
    expect(elsewhere.statusCode).toBe(404);
  });

  it("takes a JPEG, keeps its proportions, and drops its metadata", async () => {
    const jpeg = await picture(600, 1000)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "a phone" } } })
      .toBuffer();
    const res = await putPhoto("communityStaff", leader, photoForm(jpeg, "me.jpg", "image/jpeg"));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ width: 288, height: 480 });
    const id = res.json().photoId;
    const meta = await sharp(readFileSync(join(t.dataDir, "files", id.slice(0, 2), id))).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 288, height: 480 });
    expect(meta.exif).toBeUndefined();
  });

  it("keeps a small photo at its size", async () => {
    const res = await putPhoto(
      "gridWorker",
      leader,
      photoForm(await picture(120, 160).png().toBuffer(), "s.png", "image/png"),
    );
    expect(res.json()).toMatchObject({ width: 120, height: 160 });
  });

  it("refuses what is not a JPEG or PNG by its bytes (415) and keeps the photo it had", async () => {
    const [before] = await t.database.db.select().from(staff).where(eq(staff.id, leader));
    const text = Buffer.from("not a picture at all, whatever the name says\n".repeat(10));
    const renamed = await putPhoto("gridWorker", leader, photoForm(text, "photo.png", "image/png"));
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error).toMatchObject({
      code: "UNSUPPORTED_IMAGE_TYPE",
      message: expect.stringMatching(/JPEG/),
    });
    const webp = await putPhoto(
      "gridWorker",
      leader,
      photoForm(await picture(50, 50).webp().toBuffer(), "p.png", "image/png"),
    );
    expect(webp.statusCode).toBe(415);
    expect(webp.json().error.details).toMatchObject({ detected: "image/webp" });
    // The right first bytes over a broken picture.
    const png = await picture(64, 64).png().toBuffer();
    const broken = Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]);
    const unreadable = await putPhoto("gridWorker", leader, photoForm(broken, "b.png", "image/png"));
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json().error.code).toBe("UNREADABLE_IMAGE");
    const [after] = await t.database.db.select().from(staff).where(eq(staff.id, leader));
    expect(after?.photoId).toBe(before?.photoId);
  });

  it("refuses a photo over 10 MB (413)", async () => {
    const png = await picture(8, 8).png().toBuffer();
    const big = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024, 1)]);
    const res = await putPhoto("gridWorker", leader, photoForm(big, "big.png", "image/png"));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("FILE_TOO_LARGE");
  });

  it("answers 404 for staff outside the caller's grid and 403 for a resident", async () => {
    const png = await picture(40, 40).png().toBuffer();
    const outside = await putPhoto("gridWorker", other, photoForm(png, "p.png", "image/png"));
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("NOT_FOUND");
    const resident = await putPhoto("resident", leader, photoForm(png, "p.png", "image/png"));
    expect(resident.statusCode).toBe(403);
    const nobody = await putPhoto(undefined, leader, photoForm(png, "p.png", "image/png"));
    expect(nobody.statusCode).toBe(401);
    // The community above both grids may.
    expect((await putPhoto("communityStaff", other, photoForm(png, "p.png", "image/png"))).statusCode).toBe(
      200,
    );
  });
});

describe("staff duties", () => {
  it("changes the sentence on the card, with an audit row; blank clears it; scope as for photos", async () => {
    const worker = (await staffOf(MY_GRID)).find((r) => r.role === "gridWorker" && r.phone === "13800000004");
    const patch = (who: RoleName, id: string, duties: string | null) =>
      t.as(who).patch(`/api/v1/people/staff/${id}`, { duties });
    const res = await patch("gridWorker", worker?.id ?? "", "  负责网格巡查和民情收集。 ");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: worker?.id, duties: "负责网格巡查和民情收集。" });
    expect((await card(MY_GRID)).staff.find((p) => p.id === worker?.id)?.duties).toBe(
      "负责网格巡查和民情收集。",
    );
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "people.staff.duties"), eq(auditLog.entityId, worker?.id ?? "")));
    expect(entry?.after).toEqual({ duties: "负责网格巡查和民情收集。" });

    expect((await patch("gridWorker", worker?.id ?? "", "   ")).json().duties).toBeNull();
    const other = (await staffOf(OTHER_GRID))[0]?.id ?? "";
    expect((await patch("gridWorker", other, "x")).statusCode).toBe(404);
    expect((await patch("resident", other, "x")).statusCode).toBe(403);
    expect((await patch("gridWorker", worker?.id ?? "", "长".repeat(201))).statusCode).toBe(400);
  });
});

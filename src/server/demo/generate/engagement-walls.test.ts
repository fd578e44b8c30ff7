import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mobilisationMembers, mobilisations } from "../../modules/engagement/mobilisation/tables.ts";
import { searchTextOf } from "../../modules/engagement/talent/search-text.ts";
import { jobSeekers, talents } from "../../modules/engagement/talent/tables.ts";
import { memberPromises } from "../../modules/engagement/walls/tables.ts";
import { memberByPhone } from "../../modules/people/index.ts";
import { startTestApp, type TestApp } from "../../testing/harness.ts";
import { buildEngagement, type DemoEngagement } from "./engagement.ts";
import { DEFAULT_DEMO_SEED, DEMO_SIZES, type DemoDistrict, generateDemo } from "./index.ts";

// 10:30 China time on a Monday in December 2026.
const NOW = Date.UTC(2026, 11, 7, 2, 30);
const YEAR = 2026;
let demo: DemoDistrict;
let data: DemoEngagement;

beforeAll(() => {
  demo = generateDemo(DEFAULT_DEMO_SEED, NOW, DEMO_SIZES.small);
  data = buildEngagement(demo, NOW);
});

describe("the demo's walls, call-up and talent pool", () => {
  it("are the same every time for the same district and time", () => {
    expect(JSON.stringify(buildEngagement(demo, NOW))).toBe(JSON.stringify(data));
  });

  it("leave the member account's promise to him, and give others published, waiting and kept ones", () => {
    const resident = demo.residents.find((r) => r.phone === "13800000006");
    const me = demo.partyMembers.find((m) => m.residentKey === resident?.key);
    const mine = data.promises.filter((p) => p.memberKey === me?.key);
    expect(mine).toEqual([]);
    const statuses = new Set(data.promises.map((p) => p.status));
    expect(statuses).toEqual(new Set(["published", "pending"]));
    expect(data.promises.some((p) => p.keptAt && p.keptNote && p.status === "published")).toBe(true);
  });

  it("holds up as pioneers only members reported in this year, two or three per community", () => {
    const approved = new Set(
      data.reportIns
        .filter((r) => r.year === YEAR && r.status === "approved")
        .map((r) => `${r.memberKey}|${r.communityKey}`),
    );
    expect(data.pioneers.length).toBeGreaterThan(0);
    expect(data.pioneers.filter((p) => !approved.has(`${p.memberKey}|${p.communityKey}`))).toEqual([]);
    const perCommunity = new Map<string, number>();
    for (const p of data.pioneers)
      perCommunity.set(p.communityKey, (perCommunity.get(p.communityKey) ?? 0) + 1);
    expect([...perCommunity.values()].filter((n) => n > 3)).toEqual([]);
  });

  it("calls up party members to last summer's flood squad, dissolved, most of them reported", () => {
    const members = new Set(demo.partyMembers.map((m) => m.key));
    const [call] = data.callUps;
    expect(data.callUps).toHaveLength(1);
    expect(call).toMatchObject({
      template: "flood",
      kind: "squad",
      communityKey: demo.accountNodes.community,
    });
    expect(call?.dissolvedAt).toBeLessThan(NOW);
    expect(call?.members.length).toBeGreaterThanOrEqual(5);
    expect(call?.members.filter((m) => !members.has(m.memberKey))).toEqual([]);
    const reported = call?.members.filter((m) => m.reportedAt && m.reportedLocation) ?? [];
    expect(reported.length * 2).toBeGreaterThan(call?.members.length ?? 0);
  });

  it("registers talents with their own phones and seekers employed, in training and registered", () => {
    expect(data.talents.length).toBeGreaterThanOrEqual(8);
    const phones = [...data.talents, ...data.seekers].map((x) => x.phone);
    expect(phones.filter((p) => p.startsWith("138000000"))).toEqual([]);
    expect(new Set(phones).size).toBe(phones.length);
    expect(data.seekers.map((s) => s.status)).toEqual(["employed", "training", "registered"]);
    expect(data.seekers[0]?.matches.map((m) => m.outcome)).toEqual(["attended", "hired"]);
  });
});

describe("the loaded small demo's walls, call-up and talent pool", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("has no promise of the member's yet, the dissolved squad only, and searchable talents", async () => {
    const db = t.database.db;
    const me = await memberByPhone(db, "13800000006");
    const promises = await db
      .select()
      .from(memberPromises)
      .where(eq(memberPromises.memberId, me?.id ?? ""));
    expect(promises).toEqual([]);
    expect(await db.select().from(mobilisations).where(isNull(mobilisations.dissolvedAt))).toEqual([]);
    const called = await db.select().from(mobilisationMembers);
    expect(called.length).toBeGreaterThanOrEqual(5);
    const pool = await db.select().from(talents);
    expect(pool.length).toBeGreaterThanOrEqual(8);
    expect(pool.filter((x) => x.searchText !== searchTextOf(x.skills))).toEqual([]);
    expect((await db.select().from(jobSeekers)).map((s) => s.status).sort()).toEqual([
      "employed",
      "registered",
      "training",
    ]);
  });
});

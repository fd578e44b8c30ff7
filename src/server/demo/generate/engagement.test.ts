import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../modules/accounts/tables.ts";
import {
  feedbackCards,
  householdVisits,
  reportIns,
  serviceRecords,
  unitPairings,
  unitStaff,
} from "../../modules/engagement/tables.ts";
import { memberByPhone } from "../../modules/people/index.ts";
import { startTestApp, type TestApp } from "../../testing/harness.ts";
import { buildEngagement, type DemoEngagement } from "./engagement.ts";
import { chinaDay, quarterOf } from "./engagement-calendar.ts";
import { DEFAULT_DEMO_SEED, DEMO_SIZES, type DemoDistrict, generateDemo } from "./index.ts";

// 10:30 China time on a Monday in December: last quarter is Q3, the next Saturday the 12th.
const NOW = Date.UTC(2026, 11, 7, 2, 30);
const TODAY = chinaDay(NOW);
const YEAR = 2026;
let demo: DemoDistrict;
let data: DemoEngagement;

beforeAll(() => {
  demo = generateDemo(DEFAULT_DEMO_SEED, NOW, DEMO_SIZES.small);
  data = buildEngagement(demo, NOW);
});

/** The account member's rows of the generated data. */
const mine = <T extends { memberKey: string }>(rows: readonly T[]) => {
  const resident = demo.residents.find((r) => r.phone === "13800000006");
  const member = demo.partyMembers.find((m) => m.residentKey === resident?.key);
  return rows.filter((r) => r.memberKey === member?.key);
};

describe("the demo's 双报到", () => {
  it("is the same every time for the same district and time", () => {
    expect(JSON.stringify(buildEngagement(demo, NOW))).toBe(JSON.stringify(data));
  });

  it("reports members in only where their unit is paired with the community they live in", () => {
    const parentOf = new Map(demo.nodes.map((n) => [n.key, n.parentKey]));
    const levelOf = new Map(demo.nodes.map((n) => [n.key, n.level]));
    const communityOf = (key: string | undefined) => {
      while (key && levelOf.get(key) !== "community") key = parentOf.get(key);
      return key;
    };
    const homes = new Map(demo.residents.map((r) => [r.key, r.householdKey]));
    const members = new Map(demo.partyMembers.map((m) => [m.key, m]));
    const pairings = new Map(data.pairings.map((p) => [p.key, p]));
    const wrong = data.reportIns.filter((r) => {
      const p = pairings.get(r.pairingKey);
      const m = members.get(r.memberKey);
      return (
        p?.unitKey !== r.unitKey ||
        p.communityKey !== r.communityKey ||
        m?.workUnitKey !== r.unitKey ||
        communityOf(homes.get(m.residentKey)) !== r.communityKey
      );
    });
    expect(data.reportIns.length).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
    const thisYear = data.reportIns.filter((r) => r.year === YEAR).map((r) => r.status);
    expect(new Set(thisYear)).toEqual(new Set(["approved", "pending", "returned"]));
    // Every paired unit has a pairing covering this year, with all six commitments in words.
    const units = demo.units.filter((u) => u.kind === "unit").map((u) => u.key);
    const covering = data.pairings.filter(
      (p) => p.startsOn <= `${YEAR}-01-01` && p.endsOn >= `${YEAR}-12-31`,
    );
    expect(new Set(covering.map((p) => p.unitKey))).toEqual(new Set(units));
    expect(data.pairings.filter((p) => !p.commitments.reward.startsWith("定奖惩："))).toEqual([]);
  });

  it("keys its records apart from the events' business keys and ticks 六个一 from them", () => {
    const keys = data.records.map((r) => r.sourceKey);
    expect(keys.filter((k) => !/^demo:\d+$/.test(k))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    const records = new Map(data.records.map((r) => [r.sourceKey, r]));
    const wrong = data.sixOnes.filter((s) => {
      const r = s.recordKey ? records.get(s.recordKey) : undefined;
      return s.recordKey
        ? r?.status !== "approved" || r.servedOn !== s.doneOn
        : !["talk", "survey"].includes(s.item);
    });
    expect(wrong).toEqual([]);
    expect(data.records.filter((r) => r.kind === "volunteering" && !r.hours)).toEqual([]);
    expect(data.rota.filter((r) => r.day <= TODAY || new Date(`${r.day}T00:00Z`).getUTCDay() !== 6)).toEqual(
      [],
    );
  });

  it("gives the member account a year of it", () => {
    const [reportIn] = mine(data.reportIns).filter((r) => r.year === YEAR);
    expect(reportIn).toMatchObject({ status: "approved", communityKey: demo.accountNodes.community });
    expect(reportIn?.menu.length).toBeGreaterThan(1);
    const pairing = data.pairings.find((p) => p.key === reportIn?.pairingKey);
    expect((pairing?.startsOn ?? "") <= TODAY && (pairing?.endsOn ?? "") >= TODAY).toBe(true);
    expect(mine(data.memberHouseholds).length).toBeGreaterThanOrEqual(2);
    expect(mine(data.visits).length).toBeGreaterThan(0);
    const records = mine(data.records);
    expect(records.filter((r) => r.status === "pending")).toHaveLength(1);
    const kinds = new Set(records.filter((r) => r.status === "approved").map((r) => r.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(["visit", "wish", "partyActivity", "volunteering"]));
    const last = quarterOf(NOW, 1);
    expect(mine(data.feedbackCards)).toEqual([
      expect.objectContaining({ year: last.year, quarter: last.quarter, sentAt: expect.any(Number) }),
    ]);
    expect(data.unitStaff).toEqual([{ accountPhone: "13800000010", unitKey: reportIn?.unitKey }]);
  });
});

describe("the loaded small demo", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("has the member account's report-in, records, visits and card, and his unit's contact", async () => {
    const db = t.database.db;
    const me = await memberByPhone(db, "13800000006");
    expect(me).toMatchObject({ name: "赵明亮", category: "inService", workUnitId: expect.any(String) });
    const unitId = me?.workUnitId as string;
    const memberId = me?.id as string;
    const year = Number(chinaDay(Date.now()).slice(0, 4));
    const [reportIn] = await db
      .select()
      .from(reportIns)
      .where(and(eq(reportIns.memberId, memberId), eq(reportIns.year, year)));
    expect(reportIn).toMatchObject({ status: "approved", unitId });
    const [pairing] = await db
      .select()
      .from(unitPairings)
      .where(eq(unitPairings.id, reportIn?.pairingId ?? ""));
    expect(pairing).toMatchObject({ unitId, endedAt: null });
    expect(me?.territoryPath.startsWith(pairing?.territoryPath ?? "-")).toBe(true);

    const records = await db.select().from(serviceRecords).where(eq(serviceRecords.memberId, memberId));
    expect(records.filter((r) => r.status === "pending")).toHaveLength(1);
    expect(records.filter((r) => r.kind === "visit" && r.unitId === unitId).length).toBeGreaterThan(0);
    const visits = await db.select().from(householdVisits).where(eq(householdVisits.memberId, memberId));
    expect(visits.some((v) => v.problems.length > 0)).toBe(true);
    const cards = await db.select().from(feedbackCards).where(eq(feedbackCards.memberId, memberId));
    expect(cards.filter((c) => c.sentAt !== null)).toHaveLength(1);

    const [contact] = await db
      .select({ unitId: unitStaff.unitId })
      .from(unitStaff)
      .innerJoin(users, eq(users.id, unitStaff.userId))
      .where(eq(users.phone, "13800000010"));
    expect(contact).toEqual({ unitId });
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { piiAccessLog } from "../../../platform/pii/index.ts";
import { PHONES, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { memberByPhone } from "../../people/index.ts";
import { searchTextOf } from "./search-text.ts";

let t: TestApp;
let communityId: string;
const staff = () => t.as("communityStaff");

beforeAll(async () => {
  ({ t } = await startWithSessions());
  const me = await memberByPhone(t.database.db, PHONES.partyMember);
  communityId = me?.territoryPath.split("/").filter(Boolean)[2] as string;
}, 180_000);
afterAll(() => t?.close());

describe("talent pool (人才库)", () => {
  it("searches skills by words, pinyin and initials", () => {
    expect(searchTextOf(["电工", "Law"])).toBe("电工 diangong dg law law l");
  });

  it("refuses a bad mobile, masks phones in the list and shows the whole one, logged, when opened", async () => {
    const url = "/api/v1/engagement/talents";
    const bad = await staff().post(url, {
      name: "王医生",
      phone: "10012345678",
      nodeId: communityId,
      skills: ["医生"],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("INVALID_PHONE");
    const empty = await staff().post(url, {
      name: "王医生",
      phone: "13912345678",
      nodeId: communityId,
      skills: [" "],
    });
    expect(empty.json().error.code).toBe("SKILLS_REQUIRED");
    const res = await staff().post(url, {
      name: "王医生",
      phone: "13912345678",
      nodeId: communityId,
      skills: ["全科医生", "推拿"],
      availability: "周末",
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const list = (await staff().get(`${url}?q=tn`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id, name: "王医生", phone: "139****5678" })]);
    expect((await staff().get(`${url}?q=木匠`)).json().total).toBe(0);
    const one = (await staff().get(`${url}/${id}`)).json();
    expect(one.phone).toBe("13912345678");
    const logged = await t.database.db
      .select()
      .from(piiAccessLog)
      .where(and(eq(piiAccessLog.entity, "talent"), eq(piiAccessLog.entityId, id)));
    expect(logged).toHaveLength(1);
    const patched = await staff().patch(`${url}/${id}`, { skills: ["儿科医生"] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await staff().get(`${url}?q=ekys`)).json().total).toBe(1);
    expect((await t.as("partyMember").get(url)).statusCode).toBe(403);
  });
});

describe("job seekers (就业帮扶)", () => {
  const url = "/api/v1/engagement/seekers";
  it("registers, trains, hires and counts; refuses a move back", async () => {
    const before = (await staff().get(`${url}/figures`)).json();
    const res = await staff().post(url, {
      name: "李求职",
      phone: "13912340000",
      nodeId: communityId,
      wanted: "保洁或家政",
      skills: ["家政"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    expect(res.json().status).toBe("registered");
    const training = await staff().post(`${url}/${id}/matches`, {
      kind: "training",
      title: "家政服务员培训",
      provider: "区人社局",
    });
    expect(training.statusCode, training.body).toBe(201);
    const opening = await staff().post(`${url}/${id}/matches`, {
      kind: "opening",
      title: "小区保洁员",
      provider: "红旗物业",
    });
    const listed = (await staff().get(`${url}?status=training`)).json();
    const me = listed.items.find((s: { id: string }) => s.id === id);
    expect(me).toMatchObject({ status: "training", phone: "139****0000" });
    expect(me.matches).toHaveLength(2);
    const hired = await staff().post(`/api/v1/engagement/matches/${opening.json().id}/outcome`, {
      outcome: "hired",
    });
    expect(hired.statusCode, hired.body).toBe(200);
    const after = (await staff().get(`${url}/figures`)).json();
    expect(after.registered).toBe(before.registered + 1);
    expect(after.employedThisYear).toBe(before.employedThisYear + 1);
    const back = await staff().patch(`${url}/${id}`, { status: "registered" });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.details.status).toBe("employed");
    const again = await staff().post(`/api/v1/engagement/matches/${opening.json().id}/outcome`, {
      outcome: "declined",
    });
    expect(again.statusCode).toBe(409);
    const xlsx = await staff().get(`${url}?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });
});

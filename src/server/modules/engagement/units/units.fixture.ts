import { SYSTEM } from "../../../platform/audit/index.ts";
import { PHONES, type TestApp } from "../../../testing/harness.ts";
import { issueToken } from "../../accounts/index.ts";
import { memberByPhone } from "../../people/index.ts";
import { lineageOf } from "../../territory/index.ts";

/** 六定 as a community would write them. */
export const COMMITMENTS = {
  post: "社区环境整治志愿岗",
  duty: "每月组织一次楼道清理",
  time: "每月第一个周六上午",
  task: "全年认领微心愿不少于 10 个",
  assessment: "社区每季度填写反馈卡",
  reward: "年底评选优秀报到党员",
};

/** The in-service demo member (13800000006): his record, unit and home community. */
export async function demoMember(t: TestApp) {
  const member = await memberByPhone(t.database.db, PHONES.partyMember);
  if (!member?.workUnitId) throw new Error("the demo member 13800000006 should be in service");
  const { community } = await lineageOf(t.database.db, member.territoryPath);
  if (!community) throw new Error("the demo member should live in a community");
  return { member, unitId: member.workUnitId, community };
}

/**
 * A fresh pairing of the unit with the community, for tests that must not depend on the demo's:
 * any live one is ended first.
 */
export async function freshPairing(t: TestApp, unitId: string, communityId: string) {
  const staff = t.as("districtAdmin");
  const live = await staff.get(
    `/api/v1/engagement/pairings?unitId=${unitId}&communityId=${communityId}&active=true`,
  );
  for (const p of live.json().items) await staff.post(`/api/v1/engagement/pairings/${p.id}/end`);
  const res = await staff.post("/api/v1/engagement/pairings", {
    unitId,
    communityId,
    startsOn: "2026-01-01",
    endsOn: "2028-12-31",
    commitments: COMMITMENTS,
  });
  if (res.statusCode !== 201) throw new Error(`pairing: ${res.body}`);
  return res.json().id as string;
}

/** A unit-staff account of a unit, opened by the district's admin, with a bearer token. */
export async function unitStaffOf(t: TestApp, unitId: string, nodeId: string, phone: string) {
  const res = await t.as("districtAdmin").post("/api/v1/accounts", {
    phone,
    name: "钱卫东",
    roles: [{ role: "unitStaff", nodeId }],
    unitId,
  });
  if (res.statusCode !== 201) throw new Error(`unit staff: ${res.body}`);
  const { id } = res.json();
  const { token } = await issueToken(t.database.db, SYSTEM, { userId: id, name: "test" });
  return { id: id as string, headers: { authorization: `Bearer ${token}` } };
}

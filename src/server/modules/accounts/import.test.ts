import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { checked, confirmed, workbook } from "../../testing/imports.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions({ queue: true }));
});
afterAll(() => t.close());

const codeOf = async (role: string) =>
  (await t.as("districtAdmin").get(`/api/v1/territory/nodes/${s[role]?.user.roles[0]?.nodeId}`)).json()
    .code as string;

describe("staff accounts imported from a spreadsheet", () => {
  it("opens accounts with roles where the importer may grant them, and names each row's problem", async () => {
    const grid = await codeOf("gridWorker");
    const community = await codeOf("communityStaff");
    const street = await codeOf("streetStaff");
    const bytes = await workbook([
      ["姓名", "手机号码", "角色", "所属区域编码", "初始密码"],
      ["钱网格", "13612345001", "网格员", grid, "Wangge2026"],
      ["孙联户", "13612345002", "联户长", grid, ""],
      // The community staff's own phone gains a second role, no second account.
      ["郑社工", "13800000003", "网格员", grid, ""],
      ["越权者", "13612345003", "街道工作人员", street, ""],
      ["层级错", "13612345004", "网格员", community, ""],
      ["无号码", "1361234", "网格员", grid, ""],
      ["弱密码", "13612345005", "网格员", grid, "12345678"],
    ]);
    const job = await checked(t, s.communityStaff, "accounts", bytes, "账号.xlsx");
    expect(job.status).toBe("rejected");
    const reasons = job.problems.map((p) => `${p.row}:${p.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^5:您无权/),
        expect.stringMatching(/^6:.*不是该角色可以绑定的层级/),
        expect.stringMatching(/^7:手机号码无效/),
        expect.stringMatching(/^8:临时密码至少 8 位/),
      ]),
    );
    expect(job.problems.filter((p) => p.row <= 4)).toEqual([]);

    const fixed = await workbook([
      ["姓名", "手机号码", "角色", "所属区域编码", "初始密码"],
      ["钱网格", "13612345001", "网格员", grid, "Wangge2026"],
      ["孙联户", "13612345002", "联户长", grid, ""],
      ["郑社工", "13800000003", "网格员", grid, ""],
    ]);
    const ok = await checked(t, s.communityStaff, "accounts", fixed);
    expect(ok.status).toBe("checked");
    const done = await confirmed(t, s.communityStaff, ok.id);
    expect(done.status).toBe("done");
    expect(done.summary).toMatchObject({ created: 2, updated: 1 });

    const worker = await loginAs(t.app, "13612345001", "Wangge2026");
    expect(worker.user.roles).toEqual([expect.objectContaining({ role: "gridWorker" })]);
    expect((worker.user as unknown as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const list = (await t.as("communityStaff").get("/api/v1/accounts?q=孙联户")).json();
    expect(list.items[0].roles).toEqual([expect.objectContaining({ role: "liaison" })]);
    const own = (await t.as("communityStaff").get("/api/v1/accounts?q=13800000003")).json().items[0];
    expect(own.roles.map((r: { role: string }) => r.role).sort()).toEqual(["communityStaff", "gridWorker"]);
  });
});

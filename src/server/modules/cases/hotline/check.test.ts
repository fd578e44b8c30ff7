import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithSessions, type TestApp } from "../../../testing/harness.ts";

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startWithSessions());
});
afterAll(() => t.close());

const upload = (bytes: Buffer, check: boolean) => {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "text/csv" }), "12345.csv");
  return t.app.inject({
    method: "POST",
    url: `/api/v1/cases/import/file${check ? "?check=true" : ""}`,
    payload: form,
    headers: t.as("communityStaff").headers,
  });
};
const caseTotal = async () =>
  (await t.as("districtAdmin").get("/api/v1/cases?pageSize=1")).json().total as number;

describe("a 12345 sheet checked before it is taken in (the upload page)", () => {
  const csv = Buffer.from(
    `\uFEFF${[
      "工单号,来电时间,姓名,电话,诉求类型,诉求分类,内容,地址,承办单位",
      "GD202612010001,2026/12/01 8:15,赵先生,13912345678,投诉,城市管理,流动摊贩占道经营,红旗社区,红旗社区",
      "GD202612010002,2026/12/01 9:00,钱女士,13912345679,求助,宠物美容,想给猫洗澡,红旗社区,红旗社区",
    ].join("\r\n")}`,
  );

  it("checks every row and writes nothing, then takes the good rows in on confirmation", async () => {
    const before = await caseTotal();
    const checked = await upload(csv, true);
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ total: 2, ready: 1, created: 0, errors: 1 });
    expect(checked.json().rows.map((r: { status: string }) => r.status)).toEqual(["ready", "error"]);
    expect(checked.json().rows[1].error).toMatchObject({ field: "category" });
    expect(await caseTotal()).toBe(before);

    const done = await upload(csv, false);
    expect(done.json()).toMatchObject({ total: 2, created: 1, errors: 1 });
    expect(await caseTotal()).toBe(before + 1);
    const again = await upload(csv, true);
    expect(again.json().rows[0].status).toBe("unchanged");
  });
});
